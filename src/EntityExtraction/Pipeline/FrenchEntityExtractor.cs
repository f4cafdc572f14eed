using EntityExtraction.Gazetteers;
using EntityExtraction.Model;
using EntityExtraction.Pipeline;
using EntityExtraction.Tokenization;

namespace EntityExtraction;

/// <summary>
/// Finds the people, organisations and places named in French text: the statistical model first, then
/// the gazetteer fallback for names the model missed (see the README for the merge policy).
/// Immutable and thread-safe: build one and share it.
/// </summary>
/// <example>
/// <code>
/// var extractor = FrenchEntityExtractor.CreateDefault();
/// foreach (var entity in extractor.Extract("Meta et IBM lancent l'AI Alliance."))
///     Console.WriteLine($"{entity.Type} {entity.Text} [{entity.Start}..{entity.End})");
/// </code>
/// </example>
public sealed class FrenchEntityExtractor
{
    // Sentences are decoded independently, so a long text can be cut between sentences at no cost to
    // accuracy; the cut points are where cancellation is observed.
    private const int TokensPerChunk = 4096;

    private static readonly Lazy<FrenchEntityExtractor> DefaultInstance =
        new(() => new FrenchEntityExtractorBuilder().Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerModel _model;
    private readonly Gazetteer? _defaultGazetteer;
    private readonly Gazetteer? _callerGazetteer;
    private readonly bool[] _wantedTypes;

    internal FrenchEntityExtractor(NerModel model, Gazetteer? defaultGazetteer, Gazetteer? callerGazetteer, IReadOnlyCollection<EntityType> entityTypes, float minimumConfidence)
    {
        _model = model;
        _defaultGazetteer = defaultGazetteer;
        _callerGazetteer = callerGazetteer;
        _wantedTypes = new bool[Enum.GetValues<EntityType>().Length];
        foreach (var type in entityTypes)
            _wantedTypes[(int)type] = true;
        EntityTypes = entityTypes;
        MinimumConfidence = minimumConfidence;
    }

    /// <summary>
    /// The extractor with the embedded default model and gazetteer, all entity types and no confidence
    /// threshold. Loaded once, on first use; the same instance is returned on every call.
    /// </summary>
    public static FrenchEntityExtractor CreateDefault() => DefaultInstance.Value;

    /// <summary>Starts configuring an extractor (custom model, extra gazetteers, types, threshold).</summary>
    public static FrenchEntityExtractorBuilder CreateBuilder() => new();

    /// <summary>The entity types this extractor reports.</summary>
    public IReadOnlyCollection<EntityType> EntityTypes { get; }

    /// <summary>Entities with a lower confidence are not reported.</summary>
    public float MinimumConfidence { get; }

    /// <summary>Whether the gazetteer fallback is on.</summary>
    public bool UsesGazetteer => _defaultGazetteer is not null || _callerGazetteer is not null;

    /// <summary>Finds the entities of <paramref name="text"/>.</summary>
    /// <param name="text">French text. Entity offsets are UTF-16 indices into it.</param>
    /// <returns>The entities in text order, non-overlapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<Entity> Extract(string text) => Extract(text, CancellationToken.None);

    /// <summary>Finds the entities of <paramref name="text"/>, checking <paramref name="cancellationToken"/>
    /// between blocks of sentences so that a long text can be abandoned.</summary>
    /// <param name="text">French text. Entity offsets are UTF-16 indices into it.</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    /// <returns>The entities in text order, non-overlapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IReadOnlyList<Entity> Extract(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();

        var tokens = new List<Token>(text.Length / 5 + 8);
        FrenchTokenizer.Default.Tokenize(text, tokens);
        var merged = new List<MergedEntity>();
        var scratch = new ExtractionScratch();
        int start = 0;
        while (start < tokens.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = ChunkEnd(tokens, start);
            ExtractChunk(text, start == 0 && end == tokens.Count ? tokens : new TokenRange(tokens, start, end - start), scratch, merged);
            start = end;
        }
        return Materialise(text, merged);
    }

    /// <summary>
    /// Finds the entities of many documents in parallel. The result has one list per document, in input order.
    /// </summary>
    /// <param name="texts">The documents; none may be null.</param>
    /// <param name="cancellationToken">Cancels the whole batch.</param>
    /// <returns>For each document, in input order, its entities in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentException">One of the documents is null (the message gives its index).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IReadOnlyList<IReadOnlyList<Entity>> ExtractMany(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string[] documents = texts.ToArray();
        for (int i = 0; i < documents.Length; i++)
        {
            if (documents[i] is null)
                throw new ArgumentException($"Document {i} of the sequence is null.", nameof(texts));
        }

        var results = new IReadOnlyList<Entity>[documents.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, documents.Length, options, i => results[i] = Extract(documents[i], cancellationToken));
        return results;
    }

    /// <summary>
    /// Runs model, gazetteer and merge over already-tokenized text (whole sentences). Used by the evaluation
    /// tools to score the pipeline on gold tokens; applies no type or confidence filter.
    /// </summary>
    internal void ExtractTokenized(string text, IReadOnlyList<Token> tokens, List<MergedEntity> output) =>
        ExtractChunk(text, tokens, new ExtractionScratch(), output, filter: false);

    private void ExtractChunk(string text, IReadOnlyList<Token> tokens, ExtractionScratch scratch, List<MergedEntity> output, bool filter = true)
    {
        scratch.Clear();
        _model.Predict(text, tokens, scratch.Model, UsesGazetteer ? scratch.Outside : null);
        _callerGazetteer?.FindMatches(text, tokens, scratch.CallerMatches);
        _defaultGazetteer?.FindMatches(text, tokens, scratch.DefaultMatches);
        CombineGazetteerMatches(scratch.CallerMatches, scratch.DefaultMatches, scratch.Hits);
        JoinedNameSplitter.Split(scratch.Model, scratch.Hits, text);
        FallbackMerger.Merge(scratch.Model, scratch.Hits, scratch.Outside, scratch.Merged, text);
        foreach (var entity in scratch.Merged)
        {
            if (!filter || (_wantedTypes[(int)entity.Type] && entity.Confidence >= MinimumConfidence))
                output.Add(entity);
        }
    }

    /// <summary>The caller's matches all stand; a default match is kept where it overlaps none of them.</summary>
    private static void CombineGazetteerMatches(List<GazetteerMatch> caller, List<GazetteerMatch> defaults, List<GazetteerHit> hits)
    {
        int c = 0;
        foreach (var match in defaults)
        {
            while (c < caller.Count && caller[c].End <= match.Start)
                hits.Add(new GazetteerHit(caller[c++], FromCallerGazetteer: true));
            bool overlapsCaller = c < caller.Count && caller[c].Start < match.End;
            if (!overlapsCaller)
                hits.Add(new GazetteerHit(match, FromCallerGazetteer: false));
        }
        while (c < caller.Count)
            hits.Add(new GazetteerHit(caller[c++], FromCallerGazetteer: true));
    }

    private static int ChunkEnd(List<Token> tokens, int start)
    {
        int end = Math.Min(tokens.Count, start + TokensPerChunk);
        if (end == tokens.Count)
            return end;
        // Extend to the end of the sentence so no sentence is cut in two.
        int sentence = tokens[end - 1].SentenceIndex;
        while (end < tokens.Count && tokens[end].SentenceIndex == sentence)
            end++;
        return end;
    }

    private static Entity[] Materialise(string text, List<MergedEntity> merged)
    {
        var entities = new Entity[merged.Count];
        for (int i = 0; i < entities.Length; i++)
        {
            var e = merged[i];
            entities[i] = new Entity(text.Substring(e.Start, e.Length), e.Type, e.Start, e.Length, e.Source, e.Confidence, e.CanonicalName);
        }
        return entities;
    }

    private sealed class ExtractionScratch
    {
        public List<ModelEntity> Model { get; } = [];
        public List<float> Outside { get; } = [];
        public List<GazetteerMatch> CallerMatches { get; } = [];
        public List<GazetteerMatch> DefaultMatches { get; } = [];
        public List<GazetteerHit> Hits { get; } = [];
        public List<MergedEntity> Merged { get; } = [];

        public void Clear()
        {
            Model.Clear();
            Outside.Clear();
            CallerMatches.Clear();
            DefaultMatches.Clear();
            Hits.Clear();
            Merged.Clear();
        }
    }
}
