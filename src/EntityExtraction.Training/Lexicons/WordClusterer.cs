using EntityExtraction.Model;

namespace EntityExtraction.Training.Lexicons;

/// <summary>
/// Word classes learned from unlabelled sentences by the exchange algorithm (Kneser &amp; Ney 1993, Martin, Liermann
/// &amp; Ney 1998): every word of the vocabulary is in turn moved to the class that maximises the likelihood of a
/// class-bigram model, until hardly any word moves. Words are lower-cased and identified by the same folded hash
/// as the runtime's <see cref="Lexicon"/> keys. Deterministic: words are initialised round-robin by frequency rank
/// and visited in that order; ties keep the current class, then the lowest class.
/// </summary>
public static class WordClusterer
{
    /// <summary>Passes stop once fewer than this fraction of the words moved in a pass.</summary>
    private const double ConvergedFraction = 0.001;

    /// <param name="sentences">The sentences' words, in order; case is ignored.</param>
    /// <param name="classes">Number of classes (at least 2).</param>
    /// <param name="minimumCount">Words seen fewer times are left out of the vocabulary (and act as one shared "rare word").</param>
    /// <param name="maxPasses">Upper bound on the passes over the vocabulary.</param>
    public static WordClustering Cluster(IEnumerable<IReadOnlyList<string>> sentences, int classes, int minimumCount = 3, int maxPasses = 12)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPasses, 1);
        var corpus = new List<uint[]>();
        var spelling = new Dictionary<uint, string>();
        foreach (var s in sentences)
        {
            var keys = new uint[s.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = Lexicon.Fold(FeatureHash.LowerCase(s[i]));
                spelling.TryAdd(keys[i], s[i].ToLowerInvariant());
            }
            corpus.Add(keys);
        }
        var vocabulary = Vocabulary(corpus, spelling, minimumCount);
        var bigrams = BigramGraph.Build(corpus, vocabulary);
        var exchange = new Exchange(bigrams, classes);
        int passes = 0, moved;
        do
        {
            moved = exchange.Pass();
            passes++;
        }
        while (moved > vocabulary.Count * ConvergedFraction && passes < maxPasses);

        var classOf = new Dictionary<uint, int>(vocabulary.Count);
        for (int w = 0; w < vocabulary.Count; w++) classOf[vocabulary[w].Key] = exchange.ClassOf(w);
        return new WordClustering(classes, classOf, vocabulary.Select(v => (v.Key, v.Spelling)).ToList(), passes);
    }

    /// <summary>Words seen at least <paramref name="minimumCount"/> times, most frequent first, ties by spelling.</summary>
    private static List<(uint Key, string Spelling, int Count)> Vocabulary(List<uint[]> corpus, Dictionary<uint, string> spelling, int minimumCount)
    {
        var counts = new Dictionary<uint, int>();
        foreach (var s in corpus)
        {
            foreach (uint w in s) counts[w] = counts.GetValueOrDefault(w) + 1;
        }
        return counts.Where(kv => kv.Value >= minimumCount)
            .Select(kv => (kv.Key, Spelling: spelling[kv.Key], kv.Value))
            .OrderByDescending(v => v.Value).ThenBy(v => v.Spelling, StringComparer.Ordinal).ThenBy(v => v.Key)
            .ToList();
    }

    /// <summary>
    /// Word-bigram counts as adjacency lists over word indices: 0..V-1 the vocabulary, V the sentence boundary
    /// (both ends), V+1 every rare word.
    /// </summary>
    private sealed class BigramGraph
    {
        public required int Words { get; init; }
        public required int[] SuccessorStart { get; init; }
        public required int[] Successor { get; init; }
        public required int[] SuccessorCount { get; init; }
        public required int[] PredecessorStart { get; init; }
        public required int[] Predecessor { get; init; }
        public required int[] PredecessorCount { get; init; }
        public required long Total { get; init; }

        public static BigramGraph Build(List<uint[]> corpus, List<(uint Key, string Spelling, int Count)> vocabulary)
        {
            int v = vocabulary.Count, boundary = v, rare = v + 1, words = v + 2;
            var index = new Dictionary<uint, int>(v);
            for (int i = 0; i < v; i++) index[vocabulary[i].Key] = i;
            var pairs = new Dictionary<long, int>();
            long total = 0;
            foreach (var s in corpus)
            {
                int previous = boundary;
                for (int i = 0; i <= s.Length; i++)
                {
                    int current = i == s.Length ? boundary : index.GetValueOrDefault(s[i], rare);
                    long pair = (long)previous * words + current;
                    pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
                    total++;
                    previous = current;
                }
            }
            var sorted = pairs.OrderBy(p => p.Key).ToArray();
            var (successorStart, successor, successorCount) = Adjacency(sorted, words, p => (int)(p / words), p => (int)(p % words));
            var (predecessorStart, predecessor, predecessorCount) = Adjacency(sorted, words, p => (int)(p % words), p => (int)(p / words));
            return new BigramGraph
            {
                Words = words,
                SuccessorStart = successorStart, Successor = successor, SuccessorCount = successorCount,
                PredecessorStart = predecessorStart, Predecessor = predecessor, PredecessorCount = predecessorCount,
                Total = total,
            };
        }

        private static (int[] Start, int[] Neighbour, int[] Count) Adjacency(KeyValuePair<long, int>[] pairs, int words, Func<long, int> from, Func<long, int> to)
        {
            var start = new int[words + 1];
            foreach (var p in pairs) start[from(p.Key) + 1]++;
            for (int w = 0; w < words; w++) start[w + 1] += start[w];
            var fill = start[..words];
            var neighbour = new int[pairs.Length];
            var count = new int[pairs.Length];
            foreach (var p in pairs)
            {
                int slot = fill[from(p.Key)]++;
                neighbour[slot] = to(p.Key);
                count[slot] = p.Value;
            }
            return (start, neighbour, count);
        }
    }

    /// <summary>
    /// The class-bigram counts and the exchange moves. Classes 0..K-1 are learned; K holds the sentence boundary
    /// and K+1 the rare words, both fixed. The log-likelihood, up to a constant, is
    /// Σ F(N(c,d)) − Σ F(N(c,·)) − Σ F(N(·,d)) with F(x) = x ln x, so a move only changes the terms of the rows
    /// and columns of the two classes involved.
    /// </summary>
    private sealed class Exchange
    {
        private readonly BigramGraph _graph;
        private readonly int _learned;
        private readonly int _classes;
        private readonly int[] _class;
        private readonly int[] _pair;       // N(c,d) at c * _classes + d
        private readonly int[] _left;       // N(c,·)
        private readonly int[] _right;      // N(·,d)
        private readonly int[] _wordLeft;
        private readonly int[] _wordRight;
        private readonly double[] _f;       // x ln x for every count that can occur
        private readonly int[] _toSuccessors;
        private readonly int[] _fromPredecessors;
        private readonly List<int> _successorClasses = [];
        private readonly List<int> _predecessorClasses = [];

        public Exchange(BigramGraph graph, int learned)
        {
            _graph = graph;
            _learned = learned;
            _classes = learned + 2;
            int words = graph.Words, vocabulary = words - 2;
            _class = new int[words];
            for (int w = 0; w < vocabulary; w++) _class[w] = w % learned;
            _class[vocabulary] = learned;
            _class[vocabulary + 1] = learned + 1;
            _pair = new int[_classes * _classes];
            _left = new int[_classes];
            _right = new int[_classes];
            _wordLeft = new int[words];
            _wordRight = new int[words];
            for (int w = 0; w < words; w++)
            {
                for (int k = graph.SuccessorStart[w]; k < graph.SuccessorStart[w + 1]; k++)
                {
                    int n = graph.SuccessorCount[k];
                    _pair[_class[w] * _classes + _class[graph.Successor[k]]] += n;
                    _left[_class[w]] += n;
                    _right[_class[graph.Successor[k]]] += n;
                    _wordLeft[w] += n;
                    _wordRight[graph.Successor[k]] += n;
                }
            }
            _f = new double[graph.Total + 1];
            for (int x = 1; x < _f.Length; x++) _f[x] = x * Math.Log(x);
            _toSuccessors = new int[_classes];
            _fromPredecessors = new int[_classes];
        }

        public int ClassOf(int word) => _class[word];

        /// <summary>One pass over the vocabulary; returns how many words changed class.</summary>
        public int Pass()
        {
            int moved = 0;
            for (int w = 0; w < _graph.Words - 2; w++)
            {
                int self = Gather(w);
                int from = _class[w];
                Apply(w, from, self, -1);
                int best = from;
                double bestGain = Gain(w, from, self);
                for (int k = 0; k < _learned; k++)
                {
                    if (k == from) continue;
                    double gain = Gain(w, k, self);
                    if (gain > bestGain + 1e-9)
                    {
                        best = k;
                        bestGain = gain;
                    }
                }
                Apply(w, best, self, +1);
                if (best != from) moved++;
                _class[w] = best;
                foreach (int d in _successorClasses) _toSuccessors[d] = 0;
                foreach (int d in _predecessorClasses) _fromPredecessors[d] = 0;
            }
            return moved;
        }

        /// <summary>Counts w's bigrams by the class of the other word; returns the count of (w, w).</summary>
        private int Gather(int w)
        {
            _successorClasses.Clear();
            _predecessorClasses.Clear();
            int self = 0;
            var g = _graph;
            for (int k = g.SuccessorStart[w]; k < g.SuccessorStart[w + 1]; k++)
            {
                int v = g.Successor[k];
                if (v == w)
                {
                    self += g.SuccessorCount[k];
                    continue;
                }
                int d = _class[v];
                if (_toSuccessors[d] == 0) _successorClasses.Add(d);
                _toSuccessors[d] += g.SuccessorCount[k];
            }
            for (int k = g.PredecessorStart[w]; k < g.PredecessorStart[w + 1]; k++)
            {
                int v = g.Predecessor[k];
                if (v == w) continue;
                int d = _class[v];
                if (_fromPredecessors[d] == 0) _predecessorClasses.Add(d);
                _fromPredecessors[d] += g.PredecessorCount[k];
            }
            return self;
        }

        /// <summary>Adds (sign +1) or removes (−1) word w's bigrams to or from class c's row and column.</summary>
        private void Apply(int w, int c, int self, int sign)
        {
            foreach (int d in _successorClasses) _pair[c * _classes + d] += sign * _toSuccessors[d];
            foreach (int d in _predecessorClasses) _pair[d * _classes + c] += sign * _fromPredecessors[d];
            _pair[c * _classes + c] += sign * self;
            _left[c] += sign * _wordLeft[w];
            _right[c] += sign * _wordRight[w];
        }

        /// <summary>The change in log-likelihood if w, currently in no class, joined class k.</summary>
        private double Gain(int w, int k, int self)
        {
            var f = _f;
            double gain = 0;
            int row = k * _classes;
            foreach (int d in _successorClasses)
            {
                if (d == k) continue;
                int n = _pair[row + d];
                gain += f[n + _toSuccessors[d]] - f[n];
            }
            foreach (int d in _predecessorClasses)
            {
                if (d == k) continue;
                int n = _pair[d * _classes + k];
                gain += f[n + _fromPredecessors[d]] - f[n];
            }
            int diagonal = _pair[row + k];
            gain += f[diagonal + _toSuccessors[k] + _fromPredecessors[k] + self] - f[diagonal];
            gain -= f[_left[k] + _wordLeft[w]] - f[_left[k]];
            gain -= f[_right[k] + _wordRight[w]] - f[_right[k]];
            return gain;
        }
    }
}

/// <summary>The result of <see cref="WordClusterer.Cluster"/>: a class in 0..Classes-1 for each vocabulary word.</summary>
/// <param name="Classes">The number of classes asked for (some may end up empty).</param>
/// <param name="ClassOf">Folded word key (see <see cref="Lexicon.Fold"/>) → class.</param>
/// <param name="Vocabulary">The clustered words, most frequent first, with a lower-cased spelling for display.</param>
/// <param name="Passes">Passes the exchange algorithm made.</param>
public sealed record WordClustering(int Classes, IReadOnlyDictionary<uint, int> ClassOf, IReadOnlyList<(uint Key, string Spelling)> Vocabulary, int Passes)
{
    /// <summary>The class of a word (any case), or null outside the vocabulary.</summary>
    public int? ClassOfWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return ClassOf.TryGetValue(Lexicon.Fold(FeatureHash.LowerCase(word)), out int c) ? c : null;
    }

    /// <summary>The most frequent members of a class, for display.</summary>
    public IEnumerable<string> Members(int cls, int max)
        => Vocabulary.Where(v => ClassOf[v.Key] == cls).Take(max).Select(v => v.Spelling);
}
