using System.Diagnostics;
using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// Structured averaged perceptron (Collins 2002) over the runtime's features and the labels of
/// <see cref="TrainingOptions.Scheme"/> (BIO or BILOU), decoding with the same constrained Viterbi as the runtime. Deterministic for a seed: the only randomness is the sentence order
/// of each epoch. Keeps the epoch with the best mean dev F1.
/// </summary>
public sealed class AveragedPerceptronTrainer
{
    private readonly TrainingOptions _options;

    public AveragedPerceptronTrainer(TrainingOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    internal TrainingResult Train(EncodedCorpus corpus, Lexicon lexicon, IReadOnlyList<DevSet> dev)
    {
        var labels = LabelSet.ForStandardTypes(_options.Scheme);
        int l = labels.Count;
        var golds = corpus.Sentences.Select(s => labels.FromStandardBio(s.Labels)).ToArray();
        var final = new float[l];
        for (int y = 0; y < l; y++) final[y] = labels.IsAllowedAtEnd(y) ? 0f : float.NegativeInfinity;
        int featureCount = corpus.FeatureKeys.Length;
        var w = new float[featureCount * l];
        var u = new double[featureCount * l];   // Σ c·Δ, for the averaged weights w − u/c
        var t = new float[(l + 1) * l];
        var ut = new double[(l + 1) * l];
        long c = 1;

        var order = Enumerable.Range(0, corpus.Sentences.Count).ToArray();
        var random = new Random(_options.Seed);
        var epochs = new List<EpochReport>();
        NerModel? best = null;
        int bestEpoch = 0;
        double bestF1 = double.NegativeInfinity;
        var clock = Stopwatch.StartNew();
        var masked = new float[t.Length];
        int maxLength = corpus.Sentences.Max(s => s.Labels.Length);
        var emissions = new float[maxLength * l];
        var path = new int[maxLength];
        var back = new int[maxLength * l];
        var delta = new float[l];
        var next = new float[l];

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int index in order)
            {
                var sentence = corpus.Sentences[index];
                int n = sentence.Labels.Length;
                Mask(t, masked, labels);
                Score(sentence, w, l, emissions);
                SequenceDecoder.BestPath(emissions, n, l, masked, final, default, path, delta, next, back);
                var gold = golds[index];
                for (int i = 0; i < n; i++)
                {
                    if (path[i] == gold[i]) correct++;
                }
                total += n;
                if (!path.AsSpan(0, n).SequenceEqual(gold))
                {
                    float step = sentence.Weight;
                    for (int i = 0; i < n; i++)
                    {
                        int goldPrev = i == 0 ? -1 : gold[i - 1];
                        int predPrev = i == 0 ? -1 : path[i - 1];
                        if (gold[i] != path[i])
                        {
                            for (int k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++)
                            {
                                int row = sentence.Features[k] * l;
                                Update(w, u, row + gold[i], step, c);
                                Update(w, u, row + path[i], -step, c);
                            }
                        }
                        if (gold[i] != path[i] || goldPrev != predPrev)
                        {
                            Update(t, ut, (goldPrev + 1) * l + gold[i], step, c);
                            Update(t, ut, (predPrev + 1) * l + path[i], -step, c);
                        }
                    }
                }
                c++;
            }

            var model = Calibrated(Averaged(corpus.FeatureKeys, w, u, t, ut, c, lexicon, labels) with { Clusters = corpus.Clusters }, dev);
            var (mean, perSet) = DevSet.Score(model, dev);
            var report = new EpochReport(epoch, 100.0 * correct / total, mean, perSet, clock.Elapsed);
            epochs.Add(report);
            _options.Progress(Format(report, dev));
            if (mean > bestF1)
            {
                bestF1 = mean;
                best = model;
                bestEpoch = epoch;
            }
        }
        return new TrainingResult(best!, bestEpoch, epochs);
    }

    /// <summary>
    /// The model with the confidence scale it would ship with. Label consistency weighs mentions by confidence,
    /// so dev F1 depends on the scale: perceptron weights grow with training, and at scale 1 the marginals are
    /// all but 0 or 1, which turns the vote into "the first confident mention wins". Scoring each epoch this way
    /// keeps the selection faithful to what <c>evaluate</c> reports for the written model.
    /// </summary>
    internal static NerModel Calibrated(ModelData data, IReadOnlyList<DevSet> dev)
        => new(data with { ConfidenceScale = ConfidenceCalibration.Fit(data, dev).Scale });

    internal static string Format(EpochReport r, IReadOnlyList<DevSet> dev)
    {
        var sets = string.Join("  ", dev.Select((d, i) => $"{d.Name} {r.DevF1[i]:F2}"));
        return $"epoch {r.Epoch,2}  train acc {r.TrainAccuracy:F2}%  dev F1 mean {r.DevMeanF1:F2}  [{sets}]  {r.Elapsed:mm\\:ss}";
    }

    private static void Update(float[] w, double[] u, int index, float delta, long c)
    {
        w[index] += delta;
        u[index] += c * (double)delta;
    }

    private static void Score(EncodedSentence sentence, float[] w, int l, float[] emissions)
    {
        int n = sentence.Labels.Length;
        Array.Clear(emissions, 0, n * l);
        for (int i = 0; i < n; i++)
        {
            var row = emissions.AsSpan(i * l, l);
            for (int k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++)
            {
                var weights = w.AsSpan(sentence.Features[k] * l, l);
                for (int y = 0; y < l; y++) row[y] += weights[y];
            }
        }
    }

    private static void Mask(float[] t, float[] masked, LabelSet labels)
    {
        int l = labels.Count;
        for (int from = -1; from < l; from++)
        {
            for (int to = 0; to < l; to++)
            {
                int k = (from + 1) * l + to;
                masked[k] = labels.IsAllowed(from, to) ? t[k] : float.NegativeInfinity;
            }
        }
    }

    /// <summary>The averaged weights, keeping only features with a non-zero weight.</summary>
    private static ModelData Averaged(ulong[] keys, float[] w, double[] u, float[] t, double[] ut, long c, Lexicon lexicon, LabelSet labels)
    {
        int l = labels.Count;
        var keptKeys = new List<ulong>();
        var keptWeights = new List<float>();
        var row = new float[l];
        for (int f = 0; f < keys.Length; f++)
        {
            bool any = false;
            for (int y = 0; y < l; y++)
            {
                row[y] = (float)(w[f * l + y] - u[f * l + y] / c);
                if (MathF.Abs(row[y]) > 1e-3f) any = true;
            }
            if (!any) continue;
            keptKeys.Add(keys[f]);
            keptWeights.AddRange(row);
        }
        var transitions = new float[t.Length];
        for (int k = 0; k < t.Length; k++) transitions[k] = (float)(t[k] - ut[k] / c);
        var model = new ModelData(labels.Types, labels.Scheme, ScoreNormalization.Global, 1f, transitions, lexicon, keptKeys.ToArray(), keptWeights.ToArray());
        return GenreCopyBases.Complete(model, keys);
    }
}
