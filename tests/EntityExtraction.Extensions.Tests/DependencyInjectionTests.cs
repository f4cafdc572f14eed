using System.Diagnostics.Metrics;
using EntityExtraction.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EntityExtraction.Extensions.Tests;

/// <summary>The package as an application uses it: in a generic host, configured from code and configuration.</summary>
public sealed class DependencyInjectionTests : IDisposable
{
    private const string Sentence = "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland. Zorglub Industries signe à Lyon.";

    private readonly string _folder = Directory.CreateTempSubdirectory("entity-di-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Gazetteer(string lines)
    {
        string path = Path.Combine(_folder, $"names-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, lines);
        return path;
    }

    private static IHost Host(Action<IServiceCollection> services, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        services(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task The_extractor_is_one_singleton_that_finds_the_names()
    {
        using var host = Host(s => s.AddFrenchEntityExtraction());
        await host.StartAsync();

        var first = host.Services.GetRequiredService<IFrenchEntityExtractor>();
        var second = host.Services.GetRequiredService<IFrenchEntityExtractor>();

        second.Should().BeSameAs(first);
        first.Extract(Sentence).Select(e => (e.Text, e.Type)).Should().Contain(
            [("Meta", EntityType.Organization), ("IBM", EntityType.Organization), ("Sylvain Rolland", EntityType.Person), ("Lyon", EntityType.Location)]);
        await host.StopAsync();
    }

    [Fact]
    public async Task Options_come_from_configuration_and_code()
    {
        string names = Gazetteer("Zorglub Industries\tORG\n");
        var settings = new Dictionary<string, string?>
        {
            ["EntityExtraction:EntityTypes:0"] = "ORG",
            ["EntityExtraction:EntityTypes:1"] = "PER",
            ["EntityExtraction:MinimumConfidence"] = "0.2",
        };
        using var host = Host(s => s.AddFrenchEntityExtraction(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(FrenchEntityExtractionOptions.DefaultSectionName),
            options => options.AddGazetteerFile(names)), settings);
        await host.StartAsync();

        var entities = host.Services.GetRequiredService<IFrenchEntityExtractor>().Extract(Sentence);

        entities.Should().Contain(e => e.Text == "Zorglub Industries" && e.Type == EntityType.Organization, "the gazetteer file given in code");
        entities.Should().NotContain(e => e.Type == EntityType.Location, "only ORG and PER are configured");
        entities.Should().OnlyContain(e => e.Confidence >= 0.2f);
        var options = host.Services.GetRequiredService<IOptions<FrenchEntityExtractionOptions>>().Value;
        options.EntityTypes.Should().Equal("ORG", "PER");
        options.GazetteerFiles.Should().Equal(names);
    }

    [Fact]
    public async Task Wrong_options_stop_the_host_at_start_naming_each_setting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["EntityExtraction:ModelFile"] = Path.Combine(_folder, "absent.nermodel"),
            ["EntityExtraction:GazetteerFiles:0"] = _folder,
            ["EntityExtraction:EntityTypes"] = "PER,CITY",
            ["EntityExtraction:MinimumConfidence"] = "2",
        };
        using var host = Host(s => s.AddFrenchEntityExtraction(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("EntityExtraction")), settings);

        var start = () => host.StartAsync();

        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.Failures.Should().BeEquivalentTo(
            $"EntityExtraction: ModelFile '{Path.Combine(_folder, "absent.nermodel")}' does not exist (from {Environment.CurrentDirectory}).",
            $"EntityExtraction: GazetteerFiles[0] '{_folder}' is a directory, not a file.",
            "EntityExtraction: EntityTypes holds 'CITY', which is not an entity type (PER, ORG, LOC, or Person, Organization, Location).",
            "EntityExtraction: MinimumConfidence must be between 0 and 1 (got 2).");
    }

    [Fact]
    public async Task A_value_that_does_not_parse_is_named_with_its_key()
    {
        var settings = new Dictionary<string, string?> { ["EntityExtraction:MinimumConfidence"] = "beaucoup" };
        using var host = Host(s => s.AddFrenchEntityExtraction(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("EntityExtraction")), settings);

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message
            .Should().Be("EntityExtraction: EntityExtraction:MinimumConfidence is 'beaucoup', which is not a number.");
    }

    [Fact]
    public async Task Loading_is_logged_once_with_the_model_and_the_time()
    {
        var logs = new CapturingLoggerProvider();
        using var host = Host(s => s.AddFrenchEntityExtraction(), logs: logs);
        await host.StartAsync();

        host.Services.GetRequiredService<IFrenchEntityExtractor>();
        host.Services.GetRequiredService<IFrenchEntityExtractor>();

        logs.Messages.Where(m => m.Category == "EntityExtraction").Should().ContainSingle().Which.Text
            .Should().MatchRegex(@"^French entity extractor ready in \d+ ms: the embedded model \(format 5, trained 20\d\d-\d\d-\d\d\); default gazetteer True, 0 gazetteer files; types PER,ORG,LOC, minimum confidence 0$");
    }

    [Fact]
    public async Task Documents_tokens_entities_and_durations_are_measured()
    {
        var measurements = new List<(string Instrument, double Value, string? Type)>();
        using var listener = Listen(measurements);
        using var host = Host(s => s.AddFrenchEntityExtraction());
        await host.StartAsync();
        var extractor = host.Services.GetRequiredService<IFrenchEntityExtractor>();

        var entities = extractor.Extract(Sentence);
        extractor.ExtractMany([Sentence, "Paris."]);

        int tokens = EntityExtraction.Tokenization.FrenchTokenizer.Default.Tokenize(Sentence).Count;
        measurements.Where(m => m.Instrument == "entity_extraction.documents").Sum(m => m.Value).Should().Be(3);
        measurements.Where(m => m.Instrument == "entity_extraction.tokens").Select(m => m.Value).Should().Equal(tokens, tokens, 2);
        measurements.Where(m => m.Instrument == "entity_extraction.entities" && m.Type == "ORG").Sum(m => m.Value)
            .Should().Be(2 * entities.Count(e => e.Type == EntityType.Organization));
        measurements.Where(m => m.Instrument == "entity_extraction.duration").Should().HaveCount(2).And.OnlyContain(m => m.Value > 0 && m.Value < 60);
    }

    [Fact]
    public async Task Pseudonymisation_goes_through_the_registered_extractor_and_counts_its_replacements()
    {
        long replacements = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "EntityExtraction" && instrument.Name == "entity_extraction.pseudonymization.replacements") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref replacements, v));
        listener.Start();
        using var host = Host(s => s.AddFrenchEntityExtraction());
        await host.StartAsync();
        var extractor = host.Services.GetRequiredService<IFrenchEntityExtractor>();

        var result = extractor.Pseudonymize("Jean Dupont a rencontré Martine Leroy. M. Dupont est reparti.", EntityExtraction.Pseudonymization.PseudonymizationOptions.Default);

        result.Text.Should().Be("[PER_1] a rencontré [PER_2]. M. [PER_1.2] est reparti.");
        extractor.Restore(result.Text, result.Map).Should().Be("Jean Dupont a rencontré Martine Leroy. M. Dupont est reparti.");
        Interlocked.Read(ref replacements).Should().Be(3);
    }

    [Fact]
    public async Task A_stream_and_an_async_sequence_are_measured_like_the_calls_they_replace()
    {
        var measurements = new List<(string Instrument, double Value, string? Type)>();
        using var listener = Listen(measurements);
        using var host = Host(s => s.AddFrenchEntityExtraction());
        await host.StartAsync();
        var extractor = host.Services.GetRequiredService<IFrenchEntityExtractor>();
        var expected = extractor.Extract(Sentence);
        measurements.Clear();

        var streamed = new List<Entity>();
        await foreach (var entity in extractor.ExtractAsync(new StringReader(Sentence)))
            streamed.Add(entity);
        var many = new List<IReadOnlyList<Entity>>();
        await foreach (var entities in extractor.ExtractManyAsync(Documents([Sentence, "Paris."]), maxDegreeOfParallelism: 2))
            many.Add(entities);

        streamed.Should().Equal(expected);
        many[0].Should().Equal(expected);
        int tokens = EntityExtraction.Tokenization.FrenchTokenizer.Default.Tokenize(Sentence).Count;
        measurements.Where(m => m.Instrument == "entity_extraction.documents").Sum(m => m.Value).Should().Be(3);
        measurements.Where(m => m.Instrument == "entity_extraction.tokens").Select(m => m.Value).Should().Equal([tokens, 2], "a stream is not read twice to count its tokens");
        measurements.Where(m => m.Instrument == "entity_extraction.entities" && m.Type == "ORG").Sum(m => m.Value)
            .Should().Be(2 * expected.Count(e => e.Type == EntityType.Organization));
        measurements.Where(m => m.Instrument == "entity_extraction.duration").Should().HaveCount(2).And.OnlyContain(m => m.Value > 0 && m.Value < 60);
    }

    /// <summary>Records every measurement of the meter <c>EntityExtraction</c> (instrument, value, entity type tag) until disposed.</summary>
    private static MeterListener Listen(List<(string Instrument, double Value, string? Type)> measurements)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "EntityExtraction") l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? type = null;
            foreach (var tag in tags) if (tag.Key == "entity.type") type = (string?)tag.Value;
            lock (measurements) measurements.Add((instrument.Name, value, type));
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }

    private static async IAsyncEnumerable<string> Documents(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            await Task.Yield();
            yield return text;
        }
    }

    [Fact]
    public void A_test_double_registered_first_is_kept()
    {
        var services = new ServiceCollection();
        var fake = new FakeExtractor();
        services.AddSingleton<IFrenchEntityExtractor>(fake);

        services.AddFrenchEntityExtraction();

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IFrenchEntityExtractor>().Should().BeSameAs(fake);
    }

    private sealed class FakeExtractor : IFrenchEntityExtractor
    {
        public ModelInfo ModelInfo => FrenchEntityExtractor.CreateDefault().ModelInfo;

        public IReadOnlyList<Entity> Extract(string text) => [];

        public IReadOnlyList<Entity> Extract(string text, CancellationToken cancellationToken) => [];

        public IReadOnlyList<IReadOnlyList<Entity>> ExtractMany(IEnumerable<string> texts, CancellationToken cancellationToken = default) => [];

        public EntityExtraction.Pseudonymization.PseudonymizationResult Pseudonymize(string text, EntityExtraction.Pseudonymization.PseudonymizationOptions options, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public string Restore(string pseudonymizedText, EntityExtraction.Pseudonymization.PseudonymMap map) => throw new NotSupportedException();

        public IAsyncEnumerable<Entity> ExtractAsync(TextReader reader, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<Entity>();

        public IAsyncEnumerable<IReadOnlyList<Entity>> ExtractManyAsync(IAsyncEnumerable<string> texts, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<IReadOnlyList<Entity>>();
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<(string Category, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (provider.Messages) provider.Messages.Add((category, formatter(state, exception)));
            }
        }
    }
}
