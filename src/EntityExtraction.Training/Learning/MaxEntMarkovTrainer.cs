using System.Diagnostics;
using EntityExtraction.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// Maximum-entropy Markov model trained with ML.NET's <c>LbfgsMaximumEntropy</c>: each token is one multiclass
/// example whose sparse features are the runtime's feature hashes folded into 2^18 slots, plus a one-hot of the
/// gold previous label. The learned weights are exported into our model format (emissions per feature hash,
/// previous-label weights and biases as the transition matrix) and decoded by the runtime's Viterbi with
/// per-position normalisation, so the runtime never references ML.NET. Model selection over a small grid of
/// regularisation strengths by dev F1.
/// </summary>
public sealed class MaxEntMarkovTrainer
{
    private const int HashBits = 18;
    private const int Slots = 1 << HashBits;
    private readonly TrainingOptions _options;

    private readonly IReadOnlyList<(float L1, float L2)> _grid;

    /// <summary>(L1, L2) regularisation pairs tried by default, in order; one "epoch" of the progress display each.</summary>
    public static readonly (float L1, float L2)[] DefaultGrid = [(0.5f, 0.5f), (0.1f, 0.1f), (0.03f, 0.03f)];

    public MaxEntMarkovTrainer(TrainingOptions options, IReadOnlyList<(float L1, float L2)>? grid = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _grid = grid ?? DefaultGrid;
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }
    }

    internal TrainingResult Train(EncodedCorpus corpus, Lexicon lexicon, IReadOnlyList<DevSet> dev)
    {
        var labels = LabelSet.ForStandardTypes(_options.Scheme);
        int l = labels.Count;
        var golds = corpus.Sentences.Select(s => labels.FromStandardBio(s.Labels)).ToArray();
        var clock = Stopwatch.StartNew();

        // The settings are independent fits, each single-threaded and seeded, so they run side by side (one per
        // core) without losing determinism; reports are printed in grid order once all are done.
        var fits = new (NerModel Model, EpochReport Report)[_grid.Count];
        Parallel.For(0, _grid.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, g =>
        {
            var ml = new MLContext(seed: _options.Seed);
            var schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Slots + l + 1);
            schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), l);
            var data = ml.Data.LoadFromEnumerable(Rows(corpus, golds, l), schema);
            var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = _grid[g].L1,
                L2Regularization = _grid[g].L2,
                MaximumNumberOfIterations = Math.Max(_options.Epochs * 10, 50),
                NumberOfThreads = 1, // deterministic
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
            });
            var transformer = trainer.Fit(data);
            var model = new NerModel(Export(transformer.Model, corpus, lexicon, labels) with { Clusters = corpus.Clusters });
            double accuracy = TrainAccuracy(model, corpus, golds, labels);
            var (mean, perSet) = DevSet.Score(model, dev);
            fits[g] = (model, new EpochReport(g + 1, accuracy, mean, perSet, clock.Elapsed));
        });

        var epochs = new List<EpochReport>();
        NerModel? best = null;
        int bestIndex = 0;
        double bestF1 = double.NegativeInfinity;
        for (int g = 0; g < _grid.Count; g++)
        {
            var (model, report) = fits[g];
            epochs.Add(report);
            _options.Progress($"{AveragedPerceptronTrainer.Format(report, dev)}  (L1 {_grid[g].L1}, L2 {_grid[g].L2})");
            if (report.DevMeanF1 > bestF1)
            {
                bestF1 = report.DevMeanF1;
                best = model;
                bestIndex = g + 1;
            }
        }
        return new TrainingResult(best!, bestIndex, epochs);
    }

    private static int Slot(ulong hash) => (int)(hash & (Slots - 1));

    private static IEnumerable<Row> Rows(EncodedCorpus corpus, int[][] golds, int l)
    {
        var indices = new List<int>();
        for (int s = 0; s < corpus.Sentences.Count; s++)
        {
            var sentence = corpus.Sentences[s];
            var gold = golds[s];
            for (int i = 0; i < gold.Length; i++)
            {
                indices.Clear();
                for (int k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++) indices.Add(Slot(corpus.FeatureKeys[sentence.Features[k]]));
                indices.Add(Slots + (i == 0 ? 0 : gold[i - 1] + 1));
                indices.Sort();
                var unique = new List<int>(indices.Count);
                var values = new List<float>(indices.Count);
                foreach (int index in indices)
                {
                    if (unique.Count > 0 && unique[^1] == index) values[^1] += 1f;
                    else { unique.Add(index); values.Add(1f); }
                }
                yield return new Row
                {
                    Features = new VBuffer<float>(Slots + l + 1, unique.Count, values.ToArray(), unique.ToArray()),
                    Label = (uint)gold[i], // stored 0-based: the data view maps it to the 1-based key label + 1
                };
            }
        }
    }

    /// <summary>Turns the ML.NET weights into emission weights per training feature hash and a transition matrix.</summary>
    private static ModelData Export(MaximumEntropyModelParameters parameters, EncodedCorpus corpus, Lexicon lexicon, LabelSet labels)
    {
        int l = labels.Count;
        VBuffer<float>[] perClass = [];
        parameters.GetWeights(ref perClass, out int classes);
        if (classes != l) throw new InvalidOperationException($"ML.NET returned {classes} classes; {l} expected.");
        var dense = perClass.Select(v => v.DenseValues().ToArray()).ToArray();
        var biases = parameters.GetBiases().ToArray();

        var keys = new List<ulong>();
        var weights = new List<float>();
        foreach (ulong key in corpus.FeatureKeys)
        {
            int slot = Slot(key);
            bool any = false;
            for (int c = 0; c < l; c++) any |= MathF.Abs(dense[c][slot]) > 1e-4f;
            if (!any) continue;
            keys.Add(key);
            for (int c = 0; c < l; c++) weights.Add(dense[c][slot]);
        }
        // Exactly one previous-label feature fires per token, so it and the bias belong in the transition row.
        var transitions = new float[(l + 1) * l];
        for (int from = -1; from < l; from++)
        {
            for (int c = 0; c < l; c++) transitions[(from + 1) * l + c] = dense[c][Slots + from + 1] + biases[c];
        }
        var model = new ModelData(labels.Types, labels.Scheme, ScoreNormalization.Local, 1f, transitions, lexicon, keys.ToArray(), weights.ToArray());
        return GenreCopyBases.Complete(model, corpus.FeatureKeys);
    }

    /// <summary>Token accuracy of the exported model, Viterbi-decoded, on up to 3,000 training sentences.</summary>
    private static double TrainAccuracy(NerModel model, EncodedCorpus corpus, int[][] golds, LabelSet labels)
    {
        int l = labels.Count;
        var data = model.Data;
        var decoder = new SequenceDecoder(labels, data.Transitions, data.Normalization, data.ConfidenceScale);
        var rows = new Dictionary<ulong, int>(data.FeatureKeys.Length);
        for (int f = 0; f < data.FeatureKeys.Length; f++) rows[data.FeatureKeys[f]] = f;
        long correct = 0, total = 0;
        for (int s = 0; s < Math.Min(corpus.Sentences.Count, 3000); s++)
        {
            var sentence = corpus.Sentences[s];
            int n = sentence.Labels.Length;
            var emissions = new float[n * l];
            for (int i = 0; i < n; i++)
            {
                for (int k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++)
                {
                    if (!rows.TryGetValue(corpus.FeatureKeys[sentence.Features[k]], out int row)) continue;
                    for (int c = 0; c < l; c++) emissions[i * l + c] += data.Weights[row * l + c];
                }
            }
            var path = new int[n];
            decoder.Decode(emissions, n, path, new float[n * l], new float[decoder.ScratchSize(n)], new int[n * l]);
            for (int i = 0; i < n; i++) if (path[i] == golds[s][i]) correct++;
            total += n;
        }
        return total == 0 ? 0 : 100.0 * correct / total;
    }
}
