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
        var objective = new CrfObjective(corpus.FeatureKeys.Length, corpus.Sentences, labels, _options.L2);
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

        void Score(int iteration)
        {
            var model = AveragedPerceptronTrainer.Calibrated(Export(corpus, x, lexicon, labels) with { Clusters = corpus.Clusters }, dev);
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
        }

        var result = minimizer.Minimize(x, objective.Evaluate, step =>
        {
            _options.Progress($"iteration {step.Iteration,3}  objective {step.Value:E6}  log-likelihood {objective.LastLogLikelihood:E6}  |g| {step.GradientNorm:E3}  step {step.Step:G3}  evaluations {step.Evaluations}  {clock.Elapsed:mm\\:ss}");
            if (step.Iteration % Math.Max(1, _options.EvaluateEvery) == 0) Score(step.Iteration);
            return true;
        });
        _options.Progress($"L-BFGS stopped: {result.Reason} after {result.Iterations} iterations, {result.Evaluations} evaluations ({clock.Elapsed:mm\\:ss})");
        if (lastScored != result.Iterations || epochs.Count == 0) Score(result.Iterations);
        return new TrainingResult(best!, bestIndex, epochs);
    }

    /// <summary>The weights as a model: features with a weight above <see cref="ZeroWeight"/> for some label, and the transitions (0 where forbidden).</summary>
    internal static ModelData Export(EncodedCorpus corpus, double[] x, Lexicon lexicon, LabelSet labels)
    {
        int l = labels.Count;
        var keys = corpus.FeatureKeys;
        var keptKeys = new List<ulong>();
        var keptWeights = new List<float>();
        var row = new float[l];
        for (int f = 0; f < keys.Length; f++)
        {
            bool any = false;
            for (int y = 0; y < l; y++)
            {
                row[y] = (float)x[f * l + y];
                if (MathF.Abs(row[y]) > ZeroWeight) any = true;
            }
            if (!any) continue;
            keptKeys.Add(keys[f]);
            keptWeights.AddRange(row);
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
        var model = new ModelData(labels.Types, labels.Scheme, ScoreNormalization.Global, 1f, transitions, lexicon, keptKeys.ToArray(), keptWeights.ToArray());
        return GenreCopyBases.Complete(model, keys);
    }
}
