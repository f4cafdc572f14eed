using EntityExtraction.Model;
using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// Training sentences turned into feature ids once, so epochs only add up weights. Features are the
/// runtime's own <see cref="FeatureExtractor"/> hashes, which keeps training and scoring consistent.
/// </summary>
public sealed class EncodedCorpus
{
    private EncodedCorpus(ulong[] featureKeys, List<EncodedSentence> sentences, WordClusters clusters)
    {
        FeatureKeys = featureKeys;
        Sentences = sentences;
        Clusters = clusters;
    }

    /// <summary>Feature id → hash.</summary>
    public ulong[] FeatureKeys { get; }

    public List<EncodedSentence> Sentences { get; }

    /// <summary>The word clusters the features were computed with; a model trained on the corpus must carry them.</summary>
    internal WordClusters Clusters { get; }

    public int TokenCount => Sentences.Sum(s => s.Labels.Length);

    /// <summary>Encodes the sentences, keeping features seen at least <paramref name="minimumCount"/> times.</summary>
    /// <param name="sentences">The training sentences and their update weights.</param>
    /// <param name="lexicon">The lexicon of the model (and of every sentence without its own).</param>
    /// <param name="minimumCount">Features seen fewer times are dropped.</param>
    /// <param name="sentenceLexicons">
    /// Optional, one per sentence: the lexicon to describe that sentence with instead of <paramref name="lexicon"/>
    /// (null entries use <paramref name="lexicon"/>). Cross-fold name harvesting uses it so that a sentence never
    /// sees flags harvested from its own annotations.
    /// </param>
    /// <param name="clusters">The word clusters of the model, if any.</param>
    internal static EncodedCorpus Build(IReadOnlyList<(TaggedSentence Sentence, float Weight)> sentences, Lexicon lexicon, int minimumCount, IReadOnlyList<Lexicon?>? sentenceLexicons = null, WordClusters? clusters = null)
    {
        clusters ??= WordClusters.Empty;
        if (sentenceLexicons != null && sentenceLexicons.Count != sentences.Count)
            throw new ArgumentException($"{sentenceLexicons.Count} sentence lexicons for {sentences.Count} sentences.", nameof(sentenceLexicons));
        var extractor = new FeatureExtractor(lexicon, clusters);
        var extractors = new Dictionary<Lexicon, FeatureExtractor>(ReferenceEqualityComparer.Instance) { [lexicon] = extractor };
        var hashed = new List<(ulong[] Features, int[] Offsets)>(sentences.Count);
        var counts = new Dictionary<ulong, int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s].Sentence;
            var own = sentenceLexicons?[s] ?? lexicon;
            if (!extractors.TryGetValue(own, out var sentenceExtractor)) extractors[own] = sentenceExtractor = new FeatureExtractor(own, clusters);
            var encoded = Hash(sentenceExtractor, sentence.Words);
            foreach (ulong f in encoded.Features) counts[f] = counts.GetValueOrDefault(f) + 1;
            hashed.Add(encoded);
        }
        var keys = counts.Where(kv => kv.Value >= minimumCount).Select(kv => kv.Key).Order().ToArray();
        var ids = new Dictionary<ulong, int>(keys.Length);
        for (int i = 0; i < keys.Length; i++) ids[keys[i]] = i;

        var result = new List<EncodedSentence>(sentences.Count);
        var buffer = new List<int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var (features, offsets) = hashed[s];
            buffer.Clear();
            var newOffsets = new int[offsets.Length];
            for (int t = 0; t + 1 < offsets.Length; t++)
            {
                newOffsets[t] = buffer.Count;
                for (int k = offsets[t]; k < offsets[t + 1]; k++)
                {
                    if (ids.TryGetValue(features[k], out int id)) buffer.Add(id);
                }
            }
            newOffsets[^1] = buffer.Count;
            result.Add(new EncodedSentence(buffer.ToArray(), newOffsets, sentences[s].Sentence.Labels, sentences[s].Weight));
            hashed[s] = default;
        }
        return new EncodedCorpus(keys, result, clusters);
    }

    /// <summary>Feature hashes of every token of a sentence; <c>Offsets[t]..Offsets[t+1]</c> are token t's.</summary>
    internal static (ulong[] Features, int[] Offsets) Hash(FeatureExtractor extractor, string[] words)
    {
        var text = string.Join(' ', words);
        var tokens = new Token[words.Length];
        int position = 0;
        for (int i = 0; i < words.Length; i++)
        {
            tokens[i] = new Token(position, words[i].Length, ConllDocuments.KindOf(words[i]), 0);
            position += words[i].Length + 1;
        }
        var attributes = new TokenAttributes[words.Length];
        extractor.ComputeAttributes(text, tokens, 0, words.Length, attributes);
        var features = new List<ulong>(words.Length * 40);
        var offsets = new int[words.Length + 1];
        Span<ulong> buffer = stackalloc ulong[FeatureExtractor.MaxTrainingFeaturesPerToken];
        for (int i = 0; i < words.Length; i++)
        {
            offsets[i] = features.Count;
            int n = FeatureExtractor.Extract(attributes, i, buffer);
            n = FeatureExtractor.AddGenreCopies(buffer, n, attributes[i].Genre);
            for (int k = 0; k < n; k++) features.Add(buffer[k]);
        }
        offsets[^1] = features.Count;
        return (features.ToArray(), offsets);
    }
}

/// <summary>A sentence as feature ids per token, gold labels and update weight.</summary>
public sealed record EncodedSentence(int[] Features, int[] Offsets, int[] Labels, float Weight);
