using EntityExtraction.Gazetteers;
using EntityExtraction.Model;
using EntityExtraction.Pipeline;
using EntityExtraction.Pseudonymization;
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
public sealed partial class FrenchEntityExtractor : IFrenchEntityExtractor
{
    // A long document is tagged in chunks of whole sentences (sentences are decoded independently, and a name never
    // spans two), so cancellation is observed between chunks and the chunks can be tagged on several cores; what
    // looks across sentences, the type vote, runs once per document after the last chunk (DocumentResolver).
    private const int TokensPerChunk = 4096;

    private static readonly Lazy<FrenchEntityExtractor> DefaultInstance =
        new(() => new FrenchEntityExtractorBuilder().Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerModel _model;
    private readonly Gazetteer? _defaultGazetteer;
    private readonly Gazetteer? _callerGazetteer;
    private readonly bool[] _wantedTypes;

    internal FrenchEntityExtractor(NerModel model, Gazetteer? defaultGazetteer, Gazetteer? callerGazetteer, IReadOnlyCollection<EntityType> entityTypes, float minimumConfidence, int maxDegreeOfParallelism = -1)
    {
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
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

    /// <summary>What the extractor's model is: format, training date, training data and licences.</summary>
    public ModelInfo ModelInfo => _model.Info;

    /// <summary>
    /// The most threads one call uses: the chunks of a long document or of the blocks of a stream
    /// (<see cref="ExtractAsync(TextReader, CancellationToken)"/>), and the documents of <see cref="ExtractMany"/>
    /// (and of <see cref="ExtractManyAsync"/>, unless the call says otherwise). -1 (the default) lets the thread pool decide; 1 keeps every call on the calling
    /// thread. The results are the same whatever the value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; }

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
    public IReadOnlyList<Entity> Extract(string text, CancellationToken cancellationToken) => Extract(text, null, cancellationToken);

    /// <summary><see cref="Extract(string, CancellationToken)"/>, adding the time of each stage to <paramref name="timings"/> when given.</summary>
    internal IReadOnlyList<Entity> Extract(string text, StageTimings? timings, CancellationToken cancellationToken) => Extract(text, timings, false, cancellationToken);

    /// <summary>Every entity of every type and confidence, whatever the extractor reports: what pseudonymisation chooses from.</summary>
    internal IReadOnlyList<Entity> ExtractUnfiltered(string text, CancellationToken cancellationToken) => Extract(text, null, true, cancellationToken);

    /// <summary>What the lexicons of the model say about a word (first name, surname, common word…).</summary>
    internal LexiconFlags WordFlags(string word) => _model.WordFlags(word);

    /// <summary>
    /// Replaces the names of <paramref name="text"/> by pseudonyms: persons by default, as numbered tags; see
    /// <see cref="PseudonymizationOptions"/> for the operators, the map that carries pseudonyms across documents, and
    /// the recall-oriented setting. Mentions of one person ("Jean Dupont", "M. Dupont", "J. Dupont", "Dupont") get one
    /// pseudonym; titles and elisions stay ("M. [PER_1]", "d'[PER_1]").
    /// </summary>
    /// <param name="text">French text, one document.</param>
    /// <param name="options">What to replace and how; <see cref="PseudonymizationOptions.Default"/> for persons as tags.</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    /// <returns>The new text, every replacement with its spans in both texts, and the map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options' map was made with another key, or Hash is asked without a key.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public PseudonymizationResult Pseudonymize(string text, PseudonymizationOptions options, CancellationToken cancellationToken = default) =>
        Pseudonymizer.Run(this, text, options, cancellationToken);

    /// <summary>Gives back the original of every pseudonym of <paramref name="map"/> in <paramref name="pseudonymizedText"/> (<see cref="PseudonymMap.Restore"/>).</summary>
    /// <param name="pseudonymizedText">A text <see cref="Pseudonymize"/> made with <paramref name="map"/>.</param>
    /// <param name="map">The map of that call.</param>
    /// <returns>The original text (names masked or redacted stay so).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">The text holds a tag the map does not know.</exception>
    public string Restore(string pseudonymizedText, PseudonymMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Restore(pseudonymizedText);
    }

    private Entity[] Extract(string text, StageTimings? timings, bool unfiltered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();

        long since = timings is null ? 0 : StageTimings.Now;
        var scratch = ExtractionScratch.Take();
        var tokens = scratch.Tokens;
        tokens.EnsureCapacity(text.Length / 5 + 8);
        FrenchTokenizer.Default.Tokenize(text, tokens);
        timings?.AddTokenize(since);
        var evidence = scratch.Evidence;
        evidence.Reset(tokens.Count, UsesGazetteer);
        if (tokens.Count > TokensPerChunk && MaxDegreeOfParallelism != 1)
            TagChunksInParallel([new TaggingJob(text, tokens, evidence)], timings, cancellationToken);
        else
            TagChunks(new TaggingJob(text, tokens, evidence), timings, cancellationToken);
        // Also after the last chunk and after the document stage: a cancellation that arrives late (a busy thread
        // pool runs the timer late) still ends the call instead of letting it return as if nothing had been asked.
        cancellationToken.ThrowIfCancellationRequested();
        if (timings is not null) since = StageTimings.Now;
        // Sized for the usual case (every model entity kept, a few gazetteer names added) so it grows at most once.
        var resolved = scratch.Resolved;
        resolved.EnsureCapacity(evidence.ModelEntities.Count + evidence.CallerMatches.Count + evidence.DefaultMatches.Count / 4 + 16);
        DocumentResolver.Resolve(text, tokens, evidence, resolved);
        cancellationToken.ThrowIfCancellationRequested();
        timings?.AddDocument(since);
        if (timings is not null) since = StageTimings.Now;
        var entities = Materialise(text, resolved, unfiltered);
        timings?.AddMaterialise(since);
        ExtractionScratch.Return(scratch);
        return entities;
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
                throw NullDocument(i, nameof(texts));
        }

        var results = new IReadOnlyList<Entity>[documents.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        Parallel.For(0, documents.Length, options, i => results[i] = Extract(documents[i], cancellationToken));
        return results;
    }

    /// <summary>
    /// Runs model, gazetteers and the document-level stage over already-tokenized text (whole sentences), as one
    /// document. Used by the evaluation tools to score the pipeline on gold tokens; applies no type or confidence filter.
    /// </summary>
    internal void ExtractTokenized(string text, IReadOnlyList<Token> tokens, List<MergedEntity> output)
    {
        var evidence = new DocumentEvidence();
        TagChunk(text, tokens, 0, tokens.Count, evidence);
        DocumentResolver.Resolve(text, tokens, evidence, output);
    }

    /// <summary>What one document, or one block of a stream, gives to be tagged: its text, its tokens, and the
    /// evidence the chunks are added to.</summary>
    internal readonly record struct TaggingJob(string Text, List<Token> Tokens, DocumentEvidence Evidence);

    /// <summary>Tags the texts of <paramref name="jobs"/> in chunks, on several threads when they hold more than one
    /// chunk and the degree of parallelism allows.</summary>
    internal void Tag(IReadOnlyList<TaggingJob> jobs, StageTimings? timings, CancellationToken cancellationToken)
    {
        int tokens = 0;
        foreach (var job in jobs) tokens += job.Tokens.Count;
        if (tokens > TokensPerChunk && MaxDegreeOfParallelism != 1)
        {
            TagChunksInParallel(jobs, timings, cancellationToken);
            return;
        }
        foreach (var job in jobs) TagChunks(job, timings, cancellationToken);
    }

    /// <summary>Tags the chunks of one text in order on the calling thread, checking cancellation between them.</summary>
    private void TagChunks(TaggingJob job, StageTimings? timings, CancellationToken cancellationToken)
    {
        int start = 0;
        while (start < job.Tokens.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = ChunkEnd(job.Tokens, start);
            TagChunk(job.Text, job.Tokens, start, end, job.Evidence, timings);
            start = end;
        }
    }

    /// <summary>
    /// Tags the chunks of long texts (one document, or the blocks of a stream read together) on several threads,
    /// each into its own evidence, then joins them in text order: each text's evidence receives exactly what the
    /// sequential loop would have produced.
    /// </summary>
    private void TagChunksInParallel(IReadOnlyList<TaggingJob> jobs, StageTimings? timings, CancellationToken cancellationToken)
    {
        var chunks = new List<(int Job, int Start, int End)>();
        for (int j = 0; j < jobs.Count; j++)
        {
            var tokens = jobs[j].Tokens;
            for (int start = 0; start < tokens.Count;)
            {
                int end = ChunkEnd(tokens, start);
                chunks.Add((j, start, end));
                start = end;
            }
        }
        var parts = new DocumentEvidence[chunks.Count];
        var partTimings = new StageTimings?[chunks.Count];
        long since = timings is null ? 0 : StageTimings.Now;
        // No more chunks at once than cores, even when the degree is unlimited (-1): with no limit, Parallel.For keeps
        // a copy of its loop queued, the thread pool sees work waiting and adds threads, and a stream, which runs this
        // loop every few blocks for as long as it lasts, had 22 threads on 2 cores after a minute (6 with the limit).
        int degree = MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = degree };
        Parallel.For(0, chunks.Count, options, i =>
        {
            var (j, start, end) = chunks[i];
            // A text of one chunk (most blocks of a stream) is tagged straight into its own evidence, which no other
            // chunk touches; the chunks of a longer one each into their own, joined below.
            bool alone = (i == 0 || chunks[i - 1].Job != j) && (i == chunks.Count - 1 || chunks[i + 1].Job != j);
            parts[i] = alone ? jobs[j].Evidence : new DocumentEvidence(end - start, UsesGazetteer);
            partTimings[i] = timings is null ? null : new StageTimings();
            TagChunk(jobs[j].Text, jobs[j].Tokens, start, end, parts[i], partTimings[i]);
        });
        for (int i = 0; i < chunks.Count; i++)
        {
            var evidence = jobs[chunks[i].Job].Evidence;
            if (parts[i] != evidence) evidence.Append(parts[i]);
        }
        timings?.AddParallelTagging(since, partTimings.OfType<StageTimings>());
    }

    /// <summary>Tags tokens[start..end) (whole sentences) with the model and the gazetteers, adding to the document's evidence.</summary>
    private void TagChunk(string text, IReadOnlyList<Token> tokens, int start, int end, DocumentEvidence evidence, StageTimings? timings = null)
    {
        long since = timings is null ? 0 : StageTimings.Now;
        _model.Tag(text, tokens, start, end, evidence.ModelEntities, UsesGazetteer ? evidence.OutsideProbabilities : null);
        timings?.AddModel(since);
        if (timings is not null) since = StageTimings.Now;
        _callerGazetteer?.FindMatches(text, tokens, start, end, evidence.CallerMatches);
        _defaultGazetteer?.FindMatches(text, tokens, start, end, evidence.DefaultMatches);
        timings?.AddGazetteer(since);
    }

    /// <summary>
    /// Where the chunk that starts at <paramref name="start"/> (a sentence start or a piece boundary) ends: after
    /// <see cref="TokensPerChunk"/> tokens, extended to the end of the sentence so no sentence is cut in two — or, in
    /// a sentence longer than <see cref="NerModel.MaxSentenceTokens"/>, only to the next boundary of the pieces the
    /// model tags it in, so that a text without sentence ends is still cut into chunks (and cancellation is checked
    /// between them) while the results stay those of one call.
    /// </summary>
    internal static int ChunkEnd(IReadOnlyList<Token> tokens, int start)
    {
        int end = Math.Min(tokens.Count, start + TokensPerChunk);
        if (end == tokens.Count)
            return end;
        int sentence = tokens[end - 1].SentenceIndex;
        int origin = end - 1;
        while (origin > start && tokens[origin - 1].SentenceIndex == sentence)
            origin--;
        while (end < tokens.Count && tokens[end].SentenceIndex == sentence && (end - origin) % NerModel.MaxSentenceTokens != 0)
            end++;
        return end;
    }

    /// <summary>The public entities of the reported types and confidences (every entity when <paramref name="unfiltered"/>);
    /// <paramref name="offset"/> is where <paramref name="text"/> starts in the caller's text (a window of a stream).</summary>
    private Entity[] Materialise(ReadOnlySpan<char> text, List<MergedEntity> resolved, bool unfiltered = false, long offset = 0)
    {
        int kept = 0;
        foreach (var e in resolved)
        {
            if (unfiltered || IsReported(e)) kept++;
        }
        var entities = new Entity[kept];
        int i = 0;
        foreach (var e in resolved)
        {
            if (unfiltered || IsReported(e))
            {
                entities[i++] = new Entity
                {
                    Text = new string(text.Slice(e.Start, e.Length)),
                    Type = e.Type,
                    Start = checked((int)(offset + e.Start)),
                    Length = e.Length,
                    Source = e.Source,
                    Confidence = e.Confidence,
                    CanonicalName = e.CanonicalName,
                };
            }
        }
        return entities;
    }

    private bool IsReported(MergedEntity entity) => _wantedTypes[(int)entity.Type] && entity.Confidence >= MinimumConfidence;
}
