using System.Buffers;
using EntityExtraction.Data;
using EntityExtraction.Pipeline;
using EntityExtraction.Storage;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Model;

/// <summary>
/// The statistical French named-entity model: hashed features, one weight vector per feature,
/// a label-transition matrix, and constrained Viterbi decoding over BIO or BILOU labels with confidences from
/// forward–backward marginals. Immutable and thread-safe once loaded.
/// </summary>
public sealed unsafe class NerModel
{
    internal const string DefaultResourceName = "EntityExtraction.Resources.default.nermodel";
    private static readonly Lazy<NerModel> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FeatureExtractor _features;
    private readonly WeightTable _weights;
    private readonly SequenceDecoder _decoder;
    private readonly LabelSet _labels;
    private readonly ModelData? _data;

    /// <summary>What the model's lexicons say about <paramref name="word"/>, ignoring case.</summary>
    internal LexiconFlags WordFlags(string word) => _features.Lexicon.Lookup(FeatureHash.LowerCase(word));

    internal NerModel(ModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _labels = new LabelSet(data.Types, data.Scheme);
        _features = new FeatureExtractor(data.Lexicon, data.Clusters);
        _weights = new WeightTable(_labels.Count, data.FeatureKeys, data.Weights);
        _decoder = new SequenceDecoder(_labels, data.Transitions, data.Normalization, data.ConfidenceScale);
        FeatureCount = data.FeatureKeys.Length;
        Info = new ModelInfo(ModelFile.FormatVersion, FeatureSchema.Version, data.Metadata);
    }

    /// <summary>A model whose tables were read in place from a model image (<see cref="ModelImage"/>).</summary>
    internal NerModel(IReadOnlyList<EntityType> types, LabelScheme scheme, ScoreNormalization normalization, float confidenceScale, float[] transitions,
        WeightTable weights, Lexicon lexicon, WordClusters clusters, int featureCount, IReadOnlyDictionary<string, string> metadata)
    {
        _labels = new LabelSet(types, scheme);
        _features = new FeatureExtractor(lexicon, clusters);
        _weights = weights;
        _decoder = new SequenceDecoder(_labels, transitions, normalization, confidenceScale);
        FeatureCount = featureCount;
        Info = new ModelInfo(ModelImage.FormatVersion, FeatureSchema.Version, metadata);
    }

    /// <summary>
    /// The model embedded in the package, trained on the redistributable training corpora.
    /// Loaded once, on first use; safe to call from several threads.
    /// </summary>
    /// <exception cref="InvalidDataException">The embedded model is missing or damaged (a packaging error).</exception>
    internal static NerModel Default => LazyDefault.Value;

    /// <summary>Whether <see cref="Default"/> has been loaded already.</summary>
    internal static bool IsDefaultLoaded => LazyDefault.IsValueCreated;

    /// <summary>The entity types this model can predict.</summary>
    public IReadOnlyList<EntityType> EntityTypes => _labels.Types;

    /// <summary>Number of weighted features the model holds.</summary>
    public int FeatureCount { get; }

    /// <summary>What the model is: format, feature schema, training date, data and licences.</summary>
    public ModelInfo Info { get; }

    /// <summary>What the model was built from, for the training tools; a model read from an image has its tables only.</summary>
    /// <exception cref="InvalidOperationException">The model was read from a model image.</exception>
    internal ModelData Data => _data ?? throw new InvalidOperationException(
        "This model was read from a model image, which holds the tables a tagger needs but not the training data; load the compact model file (format 4) instead.");

    /// <summary>The folded weight table, as a model image stores it.</summary>
    internal WeightTable WeightTable => _weights;

    /// <summary>Reads a model from <paramref name="stream"/>, which is read to the end of the model.</summary>
    /// <param name="stream">A stream positioned at the start of a model file.</param>
    /// <returns>The loaded model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">
    /// The data is not a model file, is truncated or corrupt, or was written with another file format
    /// or feature schema version. The message names the problem.
    /// </exception>
    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(stream, "The model stream");
    }

    /// <summary>Reads a model file from disk.</summary>
    /// <param name="path">Path of the model file.</param>
    /// <returns>The loaded model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model (see <see cref="Load(Stream)"/>); the message starts with the path.</exception>
    public static NerModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream, path);
    }

    /// <summary>
    /// Reads either format from a stream the caller owns: the file is read into pinned memory (a model image is then
    /// used where it lies, a compact model decoded from it), checksum and tables verified.
    /// </summary>
    private static NerModel Load(Stream stream, string sourceName)
    {
        byte[] file = ReadResource(stream, sourceName);
        bool image = ResourceContainer.PeekContentVersion(file, ResourceKind.Model, ResourceLimits.Model, sourceName) == ModelImage.FormatVersion;
        if (image)
        {
            fixed (byte* start = file)
                return ModelImage.Read(start, file.Length, file, sourceName, verify: true);
        }
        return FromData(ModelFile.Read(new MemoryStream(file, writable: false), sourceName), sourceName);
    }

    private static NerModel FromData(ModelData data, string sourceName)
    {
        try
        {
            return new NerModel(data);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{sourceName}: the model is inconsistent: {e.Message}", e);
        }
    }

    // The whole resource, its length bounded by the header before anything large is allocated; pinned, because a
    // model image is then read where it lies. A truncated stream gives what it has: the readers say what is missing.
    private static byte[] ReadResource(Stream stream, string sourceName)
    {
        Span<byte> header = stackalloc byte[ResourceContainer.HeaderSize];
        int got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        ResourceContainer.PeekContentVersion(header[..got], ResourceKind.Model, ResourceLimits.Model, sourceName);
        int metadata = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(header[18..]);
        long stored = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
        long total = ResourceContainer.HeaderSize + metadata + stored;
        var file = GC.AllocateUninitializedArray<byte>((int)total, pinned: true);
        header.CopyTo(file);
        int read = ResourceContainer.HeaderSize + stream.ReadAtLeast(file.AsSpan(ResourceContainer.HeaderSize), (int)(total - ResourceContainer.HeaderSize), throwOnEndOfStream: false);
        return read == file.Length ? file : file[..read];
    }

    // The embedded model is a model image: read where the assembly's mapping holds it, without copying. Its
    // checksum and tables are not verified at each start (it is part of the assembly, and a test verifies it);
    // a host whose resources are not in mapped memory gets the verified path.
    internal static NerModel LoadDefault()
    {
        const string name = $"The embedded model '{DefaultResourceName}'";
        var stream = EmbeddedResources.Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidDataException($"The embedded model resource '{DefaultResourceName}' is missing from {EmbeddedResources.Assembly.GetName().Name}.");
        if (stream is UnmanagedMemoryStream mapped)
            return ModelImage.Read(mapped.PositionPointer, mapped.Length - mapped.Position, mapped, name, verify: false);
        using (stream)
            return Load(stream, name);
    }

    /// <summary>The embedded model read with every check of a model file (checksum, tables), for the tests.</summary>
    internal static NerModel LoadDefaultVerified()
    {
        using var stream = EmbeddedResources.Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidDataException($"The embedded model resource '{DefaultResourceName}' is missing from {EmbeddedResources.Assembly.GetName().Name}.");
        return Load(stream, "The embedded model");
    }

    /// <summary>
    /// The model alone, as the training tools score it: tags all of <paramref name="tokens"/> (see
    /// <see cref="Tag"/>) and gives every mention of one name the type its mentions vote for
    /// (<see cref="LabelConsistency"/>), as the pipeline does once per document.
    /// </summary>
    /// <exception cref="ArgumentException">A token is empty or lies outside <paramref name="text"/>.</exception>
    internal void Predict(string text, IReadOnlyList<Token> tokens, List<ModelEntity> destination, List<float>? outsideProbabilities = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var entities = destination.Count == 0 ? destination : [];
        Tag(text, tokens, 0, tokens?.Count ?? 0, entities, outsideProbabilities);
        LabelConsistency.Apply(text, entities);
        if (!ReferenceEquals(entities, destination)) destination.AddRange(entities);
    }

    /// <summary>
    /// The longest token sequence tagged as one sentence: a longer sentence is tagged in pieces of this many tokens,
    /// counted from its first token (or from the first token given, which must then be a piece boundary). Real
    /// sentences are far shorter (the longest of the dev sets has a few hundred tokens, and the bound changes no
    /// prediction there); the bound keeps one call's working memory and the time between cancellation checks
    /// bounded on input without sentence ends, such as a list of a million names.
    /// </summary>
    internal const int MaxSentenceTokens = 1000;

    /// <summary>
    /// Tags tokens[<paramref name="start"/>..<paramref name="end"/>) of <paramref name="text"/>, which must be whole
    /// sentences (or pieces of <see cref="MaxSentenceTokens"/>) as given by <see cref="Token.SentenceIndex"/>, and appends the entities, in text order and
    /// non-overlapping, to <paramref name="destination"/>; their token indices index <paramref name="tokens"/>. When
    /// <paramref name="outsideProbabilities"/> is given, it receives one value per tagged token, in token order: the
    /// model's marginal probability that the token is outside every entity (label O), which the gazetteer fallback
    /// uses to tell "the model did not know this name" from "the model is sure this is not a name".
    /// </summary>
    /// <exception cref="ArgumentException">A token is empty or lies outside <paramref name="text"/>.</exception>
    internal void Tag(string text, IReadOnlyList<Token> tokens, int start, int end, List<ModelEntity> destination, List<float>? outsideProbabilities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(destination);
        for (int i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Start < 0 || token.Length <= 0 || token.End > text.Length)
                throw new ArgumentException($"Token {i} [{token.Start}, {token.End}) is empty or lies outside the text (length {text.Length}).", nameof(tokens));
        }
        int first = start;
        while (first < end)
        {
            int last = first + 1;
            int sentence = tokens[first].SentenceIndex;
            while (last < end && tokens[last].SentenceIndex == sentence) last++;
            for (int piece = first; piece < last; piece += MaxSentenceTokens)
                PredictSentence(text, tokens, piece, Math.Min(MaxSentenceTokens, last - piece), destination, outsideProbabilities);
            first = last;
        }
    }

    private void PredictSentence(string text, IReadOnlyList<Token> tokens, int first, int count, List<ModelEntity> destination, List<float>? outsideProbabilities)
    {
        int l = _labels.Count;
        var attributes = ArrayPool<TokenAttributes>.Shared.Rent(count);
        var floats = ArrayPool<float>.Shared.Rent(count * l * 2 + _decoder.ScratchSize(count));
        var ints = ArrayPool<int>.Shared.Rent(count * (l + 1));
        try
        {
            var attr = attributes.AsSpan(0, count);
            _features.ComputeAttributes(text, tokens, first, count, attr);
            var emissions = floats.AsSpan(0, count * l);
            var marginals = floats.AsSpan(count * l, count * l);
            var scratch = floats.AsSpan(2 * count * l);
            ComputeEmissions(attr, emissions);
            var path = ints.AsSpan(0, count);
            var back = ints.AsSpan(count, count * l);
            _decoder.Decode(emissions, count, path, marginals, scratch, back);
            EmitEntities(text, tokens, first, count, attr, path, marginals, destination);
            if (outsideProbabilities is not null)
            {
                for (int k = 0; k < count; k++)
                    outsideProbabilities.Add(marginals[k * l + LabelSet.Outside]);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<float>.Shared.Return(floats);
            ArrayPool<TokenAttributes>.Shared.Return(attributes);
        }
    }

    internal void ComputeEmissions(ReadOnlySpan<TokenAttributes> attributes, Span<float> emissions)
    {
        int l = _labels.Count;
        Span<ulong> features = stackalloc ulong[FeatureExtractor.MaxFeaturesPerToken];
        emissions.Clear();
        for (int i = 0; i < attributes.Length; i++)
        {
            int n = FeatureExtractor.Extract(attributes, i, features);
            var row = emissions.Slice(i * l, l);
            var genre = attributes[i].Genre;
            for (int f = 0; f < n; f++) _weights.AddTo(features[f], genre, row);
        }
    }

    private void EmitEntities(string text, IReadOnlyList<Token> tokens, int first, int count, ReadOnlySpan<TokenAttributes> attributes, ReadOnlySpan<int> path, ReadOnlySpan<float> marginals, List<ModelEntity> destination)
    {
        int l = _labels.Count;
        int i = 0;
        while (i < count)
        {
            int label = path[i];
            if (label == 0) { i++; continue; }
            int type = _labels.TypeIndexOf(label);
            int end = _labels.EntityEnd(path[..count], i);
            if (EntitySpanRules.IsCapitalisedOnlyByPosition(text, tokens, first, attributes, i, end)) { i = end; continue; }
            int start = _labels.Types[type] == EntityType.Location ? i : EntitySpanRules.SkipLeadingDescriptors(attributes, i, end);
            int last = EntitySpanRules.WithoutTrailingPunctuation(text, tokens, first, start, end);
            float confidence = 0f;
            for (int k = start; k < last; k++) confidence += marginals[k * l + path[k]];
            confidence = Math.Clamp(confidence / (last - start), 0f, 1f);
            var startToken = tokens[first + start];
            var endToken = tokens[first + last - 1];
            destination.Add(new ModelEntity(startToken.Start, endToken.End - startToken.Start, _labels.Types[type], confidence, first + start, last - start));
            i = end;
        }
    }
}
