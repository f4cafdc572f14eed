using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// The training objective of a first-order linear-chain CRF over the runtime's features: the weighted negative
/// conditional log-likelihood Σₛ wₛ·(log Z(xₛ) − score(xₛ, yₛ)) plus (L2 / 2)·‖θ‖², and its gradient
/// Σₛ wₛ·(E_θ[φ(xₛ, ·)] − φ(xₛ, yₛ)) + L2·θ. Scores are exactly what the runtime decoder sums (emission weights of
/// the token's features plus the transition weight, the start row included), and the transitions the label set
/// forbids have weight −∞, as the decoder constrains them.
/// </summary>
/// <remarks>
/// Parameters: θ[f·L + y] is the weight of feature f for label y; θ[F·L + (from + 1)·L + to] the transition weights
/// (forbidden ones are never used and stay 0). Deterministic and parallel: sentences are cut into
/// <see cref="ChunkCount"/> fixed chunks that each write their tokens' expected-minus-observed label counts and their
/// own loss and transition sums, added in chunk order; the emission gradient is then gathered per feature range
/// in token order, so every coordinate's sum has the same order whatever the thread count.
/// </remarks>
internal sealed class CrfObjective
{
    public const int ChunkCount = 64;

    private readonly IReadOnlyList<EncodedSentence> _sentences;
    private readonly int[][] _golds;
    private readonly int _features;
    private readonly int _l;
    private readonly bool[] _allowed;
    private readonly double[] _endWeights;
    private readonly double[] _final;
    private readonly int[] _chunkStarts;
    private readonly int[] _firstToken;
    private readonly double[] _tokenDelta; // per token and label: w·(P(y) − [y = gold])
    private readonly double[] _chunkLoss = new double[ChunkCount];
    private readonly long[] _chunkCorrect = new long[ChunkCount];
    private readonly double[][] _chunkTransitions;
    private readonly int _maxLength;
    private readonly long _tokens;

    /// <param name="featureCount">Number of feature ids (F).</param>
    /// <param name="sentences">The training sentences (feature ids per token, BIO labels of <see cref="LabelSet.Standard"/>, weight).</param>
    /// <param name="labels">The label set the CRF is trained in.</param>
    /// <param name="l2">Weight of the L2 term.</param>
    public CrfObjective(int featureCount, IReadOnlyList<EncodedSentence> sentences, LabelSet labels, double l2)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(labels);
        if (l2 < 0) throw new ArgumentOutOfRangeException(nameof(l2), l2, "The L2 weight cannot be negative.");
        _sentences = sentences;
        _features = featureCount;
        _l = labels.Count;
        L2 = l2;
        _allowed = new bool[(_l + 1) * _l];
        for (int from = -1; from < _l; from++)
        {
            for (int to = 0; to < _l; to++) _allowed[(from + 1) * _l + to] = labels.IsAllowed(from, to);
        }
        _endWeights = new double[_l];
        _final = new double[_l];
        for (int c = 0; c < _l; c++)
        {
            _endWeights[c] = labels.IsAllowedAtEnd(c) ? 1 : 0;
            _final[c] = labels.IsAllowedAtEnd(c) ? 0 : double.NegativeInfinity;
        }
        _golds = new int[sentences.Count][];
        _firstToken = new int[sentences.Count + 1];
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            if (sentence.Offsets.Length != sentence.Labels.Length + 1 || sentence.Offsets[^1] > sentence.Features.Length)
                throw new ArgumentException($"Sentence {s} has inconsistent offsets.", nameof(sentences));
            foreach (int f in sentence.Features)
            {
                if ((uint)f >= (uint)featureCount) throw new ArgumentException($"Sentence {s} has feature id {f}, outside [0, {featureCount}).", nameof(sentences));
            }
            var gold = labels.FromStandardBio(sentence.Labels);
            for (int i = 0; i < gold.Length; i++)
            {
                if (!_allowed[(i == 0 ? 0 : gold[i - 1] + 1) * _l + gold[i]] || (i == gold.Length - 1 && !labels.IsAllowedAtEnd(gold[i])))
                    throw new ArgumentException($"Sentence {s} has a label sequence the label set forbids.", nameof(sentences));
            }
            _golds[s] = gold;
            _firstToken[s + 1] = _firstToken[s] + gold.Length;
            _maxLength = Math.Max(_maxLength, gold.Length);
        }
        _tokens = _firstToken[^1];
        _tokenDelta = new double[_tokens * _l];
        _chunkTransitions = Enumerable.Range(0, ChunkCount).Select(_ => new double[(_l + 1) * _l]).ToArray();

        // Chunk boundaries by token count, fixed for the corpus: the reduction order never depends on the machine.
        _chunkStarts = new int[ChunkCount + 1];
        int chunk = 1;
        for (int s = 0; s < sentences.Count && chunk < ChunkCount; s++)
        {
            if (_firstToken[s + 1] >= _tokens * chunk / ChunkCount) _chunkStarts[chunk++] = s + 1;
        }
        for (; chunk <= ChunkCount; chunk++) _chunkStarts[chunk] = sentences.Count;
    }

    public double L2 { get; }

    /// <summary>Number of parameters: F·L emission weights, then (L + 1)·L transition weights.</summary>
    public int Dimension => _features * _l + TransitionCount;

    public int TransitionOffset => _features * _l;

    private int TransitionCount => (_l + 1) * _l;

    /// <summary>The weighted log-likelihood of the training data (no regulariser) at the last evaluated point.</summary>
    public double LastLogLikelihood { get; private set; }

    /// <summary>Share of training tokens, in %, whose most probable label (by marginal) was the gold one at the last evaluated point.</summary>
    public double LastTokenAccuracy { get; private set; }

    /// <summary>The objective at <paramref name="x"/>; writes its gradient.</summary>
    public double Evaluate(double[] x, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(gradient);
        if (x.Length != Dimension || gradient.Length != Dimension) throw new ArgumentException($"Vectors of {Dimension} values expected.", nameof(x));
        int l = _l;
        var transitions = new double[TransitionCount];
        var expTransitions = new double[TransitionCount];
        for (int k = 0; k < TransitionCount; k++)
        {
            transitions[k] = _allowed[k] ? x[TransitionOffset + k] : double.NegativeInfinity;
            expTransitions[k] = _allowed[k] ? Math.Exp(x[TransitionOffset + k]) : 0;
        }

        Parallel.For(0, ChunkCount, chunk => EvaluateChunk(chunk, x, transitions, expTransitions));

        // Emission gradient: each worker owns a range of features and adds the token rows of its features in token
        // order; the sum for a coordinate is the same whatever the ranges.
        int ranges = Math.Max(1, Math.Min(Environment.ProcessorCount, _features));
        Parallel.For(0, ranges, r =>
        {
            int lo = (int)((long)_features * r / ranges), hi = (int)((long)_features * (r + 1) / ranges);
            Array.Clear(gradient, lo * l, (hi - lo) * l);
            for (int s = 0; s < _sentences.Count; s++)
            {
                var sentence = _sentences[s];
                int token = _firstToken[s];
                for (int i = 0; i < _golds[s].Length; i++, token++)
                {
                    ref double delta = ref _tokenDelta[token * l];
                    for (int k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++)
                    {
                        int f = sentence.Features[k];
                        if (f < lo || f >= hi) continue;
                        AddRow(ref gradient[f * l], ref delta, l);
                    }
                }
            }
        });

        double loss = 0;
        long correct = 0;
        var transitionGradient = gradient.AsSpan(TransitionOffset, TransitionCount);
        transitionGradient.Clear();
        for (int chunk = 0; chunk < ChunkCount; chunk++)
        {
            loss += _chunkLoss[chunk];
            correct += _chunkCorrect[chunk];
            var sums = _chunkTransitions[chunk];
            for (int k = 0; k < TransitionCount; k++) transitionGradient[k] += sums[k];
        }
        LastLogLikelihood = -loss;
        LastTokenAccuracy = _tokens == 0 ? 100 : 100.0 * correct / _tokens;

        if (L2 > 0)
        {
            loss += L2 / 2 * LbfgsMinimizer.Dot(x, x);
            for (int k = 0; k < x.Length; k++) gradient[k] += L2 * x[k];
        }
        return loss;
    }

    private void EvaluateChunk(int chunk, double[] x, double[] transitions, double[] expTransitions)
    {
        int l = _l;
        int first = _chunkStarts[chunk], end = _chunkStarts[chunk + 1];
        var sums = _chunkTransitions[chunk];
        Array.Clear(sums);
        double loss = 0;
        long correct = 0;
        if (first == end)
        {
            _chunkLoss[chunk] = 0;
            _chunkCorrect[chunk] = 0;
            return;
        }
        int longest = 0;
        for (int s = first; s < end; s++) longest = Math.Max(longest, _golds[s].Length);
        var emissions = new double[longest * l];
        var marginals = new double[longest * l];
        var expected = new double[TransitionCount];
        var scratch = new double[Math.Max(CrfForwardBackward.ScratchSize(longest, l), CrfForwardBackward.LogSpaceScratchSize(longest, l))];

        for (int s = first; s < end; s++)
        {
            var sentence = _sentences[s];
            var gold = _golds[s];
            int n = gold.Length;
            if (n == 0) continue;
            double weight = sentence.Weight;
            Array.Clear(emissions, 0, n * l);
            for (int i = 0; i < n; i++)
            {
                ref double row = ref emissions[i * l];
                ref double weights = ref MemoryMarshal.GetArrayDataReference(x);
                for (int k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++)
                    AddRow(ref row, ref Unsafe.Add(ref weights, sentence.Features[k] * l), l);
            }

            Array.Clear(expected);
            double logZ = CrfForwardBackward.Scaled(emissions, n, l, expTransitions, _endWeights, marginals, expected, scratch);
            if (double.IsNaN(logZ))
                logZ = CrfForwardBackward.LogSpace(emissions, n, l, transitions, _final, marginals, expected, scratch);

            double goldScore = 0;
            for (int i = 0; i < n; i++)
            {
                goldScore += emissions[i * l + gold[i]] + transitions[(i == 0 ? 0 : gold[i - 1] + 1) * l + gold[i]];
                sums[(i == 0 ? 0 : gold[i - 1] + 1) * l + gold[i]] -= weight;
            }
            loss += weight * (logZ - goldScore);
            for (int k = 0; k < TransitionCount; k++) sums[k] += weight * expected[k];

            int token = _firstToken[s];
            for (int i = 0; i < n; i++)
            {
                var delta = _tokenDelta.AsSpan((token + i) * l, l);
                int best = 0;
                for (int c = 0; c < l; c++)
                {
                    double p = marginals[i * l + c];
                    delta[c] = weight * (c == gold[i] ? p - 1 : p);
                    if (p > marginals[i * l + best]) best = c;
                }
                if (best == gold[i]) correct++;
            }
        }
        _chunkLoss[chunk] = loss;
        _chunkCorrect[chunk] = correct;
    }

    /// <summary>destination[0..l) += source[0..l), element by element (the same sums whatever the vector width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double destination, ref double source, int l)
    {
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; c + 4 <= l; c += 4)
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref destination, (nuint)c) + Vector256.LoadUnsafe(ref source, (nuint)c), ref destination, (nuint)c);
        }
        for (; c < l; c++) Unsafe.Add(ref destination, c) += Unsafe.Add(ref source, c);
    }
}
