using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>Builds the singleton from the validated options, once, and says so in the log.</summary>
internal static class ExtractorFactory
{
    public static IFrenchEntityExtractor Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FrenchEntityExtractionOptions>>().Value;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("EntityExtraction") ?? NullLogger.Instance;
        long start = Stopwatch.GetTimestamp();

        var builder = FrenchEntityExtractor.CreateBuilder()
            .UseGazetteer(options.UseGazetteer)
            .UseDefaultGazetteer(options.UseDefaultGazetteer)
            .WithMinimumConfidence(options.MinimumConfidence)
            .WithMaxDegreeOfParallelism(options.MaxDegreeOfParallelism);
        if (options.ModelFile is { } model)
            builder.UseModelFile(model);
        foreach (string file in options.GazetteerFiles)
            builder.AddGazetteerFile(file);
        if (options.EntityTypes.Count > 0)
            builder.WithEntityTypes([.. options.EntityTypes.Select(ParseType)]);
        var extractor = builder.Build();

        var info = extractor.ModelInfo;
        if (logger.IsEnabled(LogLevel.Information))
        {
            long elapsed = (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            string trained = info.Created?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
            string types = string.Join(",", extractor.EntityTypes.Select(t => t.ToCode()));
            bool defaultGazetteer = options.UseGazetteer && options.UseDefaultGazetteer;
            Log.ExtractorReady(logger, elapsed, options.ModelFile ?? "the embedded model", info.FormatVersion, trained,
                defaultGazetteer, options.GazetteerFiles.Count, types, options.MinimumConfidence);
        }

        var meter = services.GetService<IMeterFactory>()?.Create(InstrumentedFrenchEntityExtractor.MeterName) ?? SharedMeter.Value;
        return new InstrumentedFrenchEntityExtractor(extractor, meter);
    }

    private static EntityType ParseType(string type) =>
        EntityTypeCodes.TryParse(type, out var parsed) ? parsed : throw new OptionsValidationException(nameof(FrenchEntityExtractionOptions), typeof(FrenchEntityExtractionOptions), [$"EntityExtraction: EntityTypes holds '{type}'."]);

    // A process without IMeterFactory (no host) still gets the instruments, on one meter for the process.
    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(InstrumentedFrenchEntityExtractor.MeterName));
}
