using System.Diagnostics;
using System.Diagnostics.Metrics;
using EntityExtraction.Pseudonymization;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>
/// The registered extractor: the library's, measured. Instruments of the meter <see cref="MeterName"/>:
/// <c>entity_extraction.documents</c>, <c>entity_extraction.tokens</c>, <c>entity_extraction.entities</c> (tagged
/// <c>entity.type</c> = PER, ORG or LOC) and <c>entity_extraction.duration</c> (seconds per document, or per batch for
/// <c>ExtractMany</c>). Tokens are counted by tokenizing the text once more only while a listener is enabled on that
/// instrument: about 2 % of an extraction (the tokenizer runs at 50 M tokens/s, the pipeline at about 1 M).
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
        int person = 0, organization = 0, location = 0;
        foreach (var entity in entities)
        {
            switch (entity.Type)
            {
                case EntityType.Person: person++; break;
                case EntityType.Organization: organization++; break;
                default: location++; break;
            }
        }
        Add(person, EntityType.Person);
        Add(organization, EntityType.Organization);
        Add(location, EntityType.Location);
    }

    private void Add(int count, EntityType type)
    {
        if (count > 0)
            _entities.Add(count, new KeyValuePair<string, object?>("entity.type", type.ToCode()));
    }
}
