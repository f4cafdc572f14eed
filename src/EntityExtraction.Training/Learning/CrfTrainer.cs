using System.Diagnostics;
using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// First-order linear-chain CRF over the runtime's features and the labels of <see cref="TrainingOptions.Scheme"/>:
/// maximum conditional likelihood with L2 (and optionally L1) regularisation (<see cref="CrfObjective"/>),
/// minimised by L-BFGS or OWL-QN (<see cref="LbfgsMinimizer"/>) from zero weights. Its weights are what the
/// runtime's globally normalised decoder consumes, so the model file is read and decoded as any other.
/// Deterministic (no randomness at all; the seed is unused). Every <see cref="TrainingOptions.EvaluateEvery"/>
/// iterations the current weights are exported and scored on the dev sets; the best is kept.
/// </summary>
public sealed class CrfTrainer
{
    /// <summary>Exported weights of smaller magnitude for every label are dropped with their feature.</summary>
    private const float ZeroWeight = 1e-4f;

    private readonly TrainingOptions _options;

    public CrfTrainer(TrainingOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    internal TrainingResult Train(EncodedCorpus corpus, Lexicon lexicon, IReadOnlyList<DevSet> dev)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var labels = LabelSet.ForStandardTypes(_options.Scheme);
        var (sentences, rowOf) = ByFrequency(corpus);
        var objective = new CrfObjective(corpus.FeatureKeys.Length, sentences, labels, _options.L2);
        var x = new double[objective.Dimension];
        long vectors = 5 + (_options.L1 > 0 ? 1 : 0) + 2L * _options.LbfgsMemory;
        _options.Progress($"crf: {objective.Dimension:N0} parameters, L2 {_options.L2}, L1 {_options.L1}; L-BFGS m = {_options.LbfgsMemory}: "
            + $"{vectors} vectors, {vectors * objective.Dimension * sizeof(double) / (1024.0 * 1024 * 1024):F2} GiB");

        var minimizer = new LbfgsMinimizer
        {
            Memory = _options.LbfgsMemory,
            L1 = _options.L1,
            MaxIterations = _options.Iterations,
            GradientTolerance = 1e-5,
            RelativeDecrease = 1e-5,
            DecreasePeriod = 10,
        };
        var epochs = new List<EpochReport>();
        NerModel? best = null;
        int bestIndex = 0, lastScored = 0;
        double bestF1 = double.NegativeInfinity;
        var clock = Stopwatch.StartNew();

        void Score(int iteration, double[] point)
        {
            var model = AveragedPerceptronTrainer.Calibrated(Export(corpus.FeatureKeys, rowOf, point, lexicon, labels) with { Clusters = corpus.Clusters }, dev);
            var (mean, perSet) = DevSet.Score(model, dev);
            var report = new EpochReport(iteration, objective.LastTokenAccuracy, mean, perSet, clock.Elapsed);
            epochs.Add(report);
            _options.Progress($"{AveragedPerceptronTrainer.Format(report, dev)}  ({model.FeatureCount:N0} features)");
            if (mean > bestF1)
            {
                bestF1 = mean;
                best = model;
                bestIndex = epochs.Count;
            }
            lastScored = iteration;
            // Each scoring builds several models of millions of features (one per calibration scale); without a
            // full collection the process keeps their garbage and grows by gigabytes over a run.
            GC.Collect();
        }

        var inObjective = new Stopwatch();
        double Evaluate(double[] point, double[] gradient)
        {
            inObjective.Start();
            double value = objective.Evaluate(point, gradient);
            inObjective.Stop();
            return value;
        }

        var result = minimizer.Minimize(x, Evaluate, step =>
        {
            _options.Progress($"iteration {step.Iteration,3}  objective {step.Value:E6}  log-likelihood {objective.LastLogLikelihood:E6}  |g| {step.GradientNorm:E3}  step {step.Step:G3}  evaluations {step.Evaluations}  {clock.Elapsed:mm\\:ss} ({inObjective.Elapsed:mm\\:ss} in the objective)");
            if (step.Iteration % Math.Max(1, _options.EvaluateEvery) == 0) Score(step.Iteration, step.Point);
            return true;
        });
        _options.Progress($"L-BFGS stopped: {result.Reason} after {result.Iterations} iterations, {result.Evaluations} evaluations ({clock.Elapsed:mm\\:ss})");
        if (lastScored != result.Iterations || epochs.Count == 0) Score(result.Iterations, x);
        return new TrainingResult(best!, bestIndex, epochs);
    }

    /// <summary>
    /// The corpus' sentences with their features renumbered by decreasing frequency (ties by id), and each token's
    /// features in increasing order: the weight rows of frequent features then sit together in memory, which
    /// keeps most of the gradient's scattered reads and writes in the processor's caches. Returns, per corpus
    /// feature id, its row in the parameters.
    /// </summary>
    private static (List<EncodedSentence> Sentences, int[] RowOf) ByFrequency(EncodedCorpus corpus)
    {
        int features = corpus.FeatureKeys.Length;
        var counts = new long[features];
        foreach (var sentence in corpus.Sentences)
        {
            foreach (int f in sentence.Features) counts[f]++;
        }
        var order = Enumerable.Range(0, features).OrderByDescending(f => counts[f]).ThenBy(f => f).ToArray();
        var rowOf = new int[features];
        for (int rank = 0; rank < features; rank++) rowOf[order[rank]] = rank;
        var sentences = new List<EncodedSentence>(corpus.Sentences.Count);
        foreach (var sentence in corpus.Sentences)
        {
            var renumbered = new int[sentence.Features.Length];
            for (int k = 0; k < renumbered.Length; k++) renumbered[k] = rowOf[sentence.Features[k]];
            for (int i = 0; i + 1 < sentence.Offsets.Length; i++)
                Array.Sort(renumbered, sentence.Offsets[i], sentence.Offsets[i + 1] - sentence.Offsets[i]);
            sentences.Add(sentence with { Features = renumbered });
        }
        return (sentences, rowOf);
    }

    /// <summary>
    /// The weights as a model: features with a weight above <see cref="ZeroWeight"/> for some label, in key order,
    /// and the transitions (0 where forbidden).
    /// </summary>
    /// <param name="keys">Feature hashes by corpus feature id.</param>
    /// <param name="rowOf">Per corpus feature id, its row in <paramref name="x"/>.</param>
    /// <param name="x">The CRF parameters (<see cref="CrfObjective"/>'s layout).</param>
    /// <param name="lexicon">The model's lexicon.</param>
    /// <param name="labels">The label set trained.</param>
    internal static ModelData Export(ulong[] keys, int[] rowOf, double[] x, Lexicon lexicon, LabelSet labels)
    {
        int l = labels.Count;
        bool Kept(int f)
        {
            for (int y = 0; y < l; y++)
            {
                if (MathF.Abs((float)x[rowOf[f] * l + y]) > ZeroWeight) return true;
            }
            return false;
        }
        int count = 0;
        for (int f = 0; f < keys.Length; f++)
        {
            if (Kept(f)) count++;
        }
        var keptKeys = new ulong[count];
        var keptWeights = new float[count * l];
        int next = 0;
        for (int f = 0; f < keys.Length; f++)
        {
            if (!Kept(f)) continue;
            keptKeys[next] = keys[f];
            for (int y = 0; y < l; y++) keptWeights[next * l + y] = (float)x[rowOf[f] * l + y];
            next++;
        }
        int offset = keys.Length * l;
        var transitions = new float[(l + 1) * l];
        for (int from = -1; from < l; from++)
        {
            for (int to = 0; to < l; to++)
            {
                int k = (from + 1) * l + to;
                transitions[k] = labels.IsAllowed(from, to) ? (float)x[offset + k] : 0f;
            }
        }
        var model = new ModelData(labels.Types, labels.Scheme, ScoreNormalization.Global, 1f, transitions, lexicon, keptKeys, keptWeights);
        return GenreCopyBases.Complete(model, keys);
    }
}
