using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using EntityExtraction.Pseudonymization;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>
/// The registered extractor: the library's, measured. Instruments of the meter <see cref="MeterName"/>:
/// <c>entity_extraction.documents</c>, <c>entity_extraction.tokens</c>, <c>entity_extraction.entities</c> (tagged
/// <c>entity.type</c> = PER, ORG or LOC) and <c>entity_extraction.duration</c> (seconds per document, or per batch for
/// <c>ExtractMany</c> and <c>ExtractManyAsync</c>, per stream for <c>ExtractAsync</c>, recorded when the enumeration
/// ends). Tokens are counted by tokenizing the text once more only while a listener is enabled on that instrument:
/// about 2 % of an extraction (the tokenizer runs at 50 M tokens/s, the pipeline at about 1 M). A stream is not read
/// twice, so its tokens are not counted; its entities are, and it counts as one document.
/// </summary>
internal sealed class InstrumentedFrenchEntityExtractor : IFrenchEntityExtractor
{
    /// <summary>The name of the meter the instruments belong to.</summary>
    public const string MeterName = "EntityExtraction";

    [ThreadStatic]
    private static List<Token>? t_tokens;

    private readonly IFrenchEntityExtractor _inner;
    private readonly Counter<long> _documents;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _entities;
    private readonly Counter<long> _replacements;
    private readonly Histogram<double> _duration;

    public InstrumentedFrenchEntityExtractor(IFrenchEntityExtractor inner, Meter meter)
    {
        _inner = inner;
        _documents = meter.CreateCounter<long>("entity_extraction.documents", "{document}", "Documents given to the extractor.");
        _tokens = meter.CreateCounter<long>("entity_extraction.tokens", "{token}", "Tokens of the documents given to the extractor.");
        _entities = meter.CreateCounter<long>("entity_extraction.entities", "{entity}", "Entities found, by type.");
        _replacements = meter.CreateCounter<long>("entity_extraction.pseudonymization.replacements", "{replacement}", "Names replaced by pseudonyms.");
        _duration = meter.CreateHistogram<double>("entity_extraction.duration", "s", "Time to extract the entities of one call.");
    }

    public ModelInfo ModelInfo => _inner.ModelInfo;

    public IReadOnlyList<Entity> Extract(string text) => Extract(text, CancellationToken.None);

    public IReadOnlyList<Entity> Extract(string text, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var entities = _inner.Extract(text, cancellationToken);
        _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        Count(text, entities);
        return entities;
    }

    public IReadOnlyList<IReadOnlyList<Entity>> ExtractMany(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var documents = texts as IReadOnlyList<string> ?? [.. texts];
        long start = Stopwatch.GetTimestamp();
        var results = _inner.ExtractMany(documents, cancellationToken);
        _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        for (int i = 0; i < results.Count; i++)
            Count(documents[i], results[i]);
        return results;
    }

    public PseudonymizationResult Pseudonymize(string text, PseudonymizationOptions options, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        var result = _inner.Pseudonymize(text, options, cancellationToken);
        _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        _documents.Add(1);
        _replacements.Add(result.Replacements.Count);
        return result;
    }

    public string Restore(string pseudonymizedText, PseudonymMap map) => _inner.Restore(pseudonymizedText, map);

    public IAsyncEnumerable<Entity> ExtractAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return MeasureAsync(_inner.ExtractAsync(reader, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<Entity> MeasureAsync(IAsyncEnumerable<Entity> entities, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var counts = new int[3];
        try
        {
            await foreach (var entity in entities.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                counts[TypeIndex(entity.Type)]++;
                yield return entity;
            }
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
            _documents.Add(1);
            AddEntities(counts);
        }
    }

    public IAsyncEnumerable<IReadOnlyList<Entity>> ExtractManyAsync(IAsyncEnumerable<string> texts, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var given = new Queue<string>();
        var results = _inner.ExtractManyAsync(Remember(texts, given, cancellationToken), maxDegreeOfParallelism, cancellationToken);
        return MeasureManyAsync(results, given, cancellationToken);
    }

    // The documents as the inner extractor reads them, so that each result is counted with its text (results come in
    // input order).
    private static async IAsyncEnumerable<string> Remember(IAsyncEnumerable<string> texts, Queue<string> given, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (string text in texts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            lock (given) given.Enqueue(text);
            yield return text;
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<Entity>> MeasureManyAsync(IAsyncEnumerable<IReadOnlyList<Entity>> results, Queue<string> given, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            await foreach (var entities in results.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                string text;
                lock (given) text = given.Dequeue();
                Count(text, entities);
                yield return entities;
            }
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    private void Count(string text, IReadOnlyList<Entity> entities)
    {
        _documents.Add(1);
        if (_tokens.Enabled)
        {
            var tokens = t_tokens ??= [];
            tokens.Clear();
            FrenchTokenizer.Default.Tokenize(text, tokens);
            _tokens.Add(tokens.Count);
            if (tokens.Capacity > 1 << 16) t_tokens = null; // a thread that once read a book should not keep its tokens
        }
        if (!_entities.Enabled)
            return;
        Span<int> counts = stackalloc int[3];
        foreach (var entity in entities)
            counts[TypeIndex(entity.Type)]++;
        AddEntities(counts);
    }

    private static int TypeIndex(EntityType type) => type switch
    {
        EntityType.Person => 0,
        EntityType.Organization => 1,
        _ => 2,
    };

    private void AddEntities(ReadOnlySpan<int> counts)
    {
        Add(counts[0], EntityType.Person);
        Add(counts[1], EntityType.Organization);
        Add(counts[2], EntityType.Location);
    }

    private void Add(int count, EntityType type)
    {
        if (count > 0)
            _entities.Add(count, new KeyValuePair<string, object?>("entity.type", type.ToCode()));
    }
}
