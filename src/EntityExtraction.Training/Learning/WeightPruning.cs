using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// Shrinks a trained model by dropping the features whose largest absolute weight is smallest. The largest
/// fraction that costs less than <see cref="MaximumCost"/> mean dev F1 is kept, as the issue allows.
/// </summary>
public static class WeightPruning
{
    public const double MaximumCost = 0.3;

    public static readonly double[] Fractions = [0.75, 0.6, 0.5, 0.4, 0.25];

    internal static (ModelData Data, double Fraction, double DevMeanF1) Prune(ModelData data, IReadOnlyList<DevSet> dev, Action<string> log)
    {
        double baseline = DevSet.Score(new NerModel(data), dev).Mean;
        foreach (double fraction in Fractions)
        {
            var pruned = DropWeakest(data, fraction);
            double f1 = DevSet.Score(new NerModel(pruned), dev).Mean;
            log($"prune {fraction:P0} of features: dev F1 mean {f1:F2} (unpruned {baseline:F2})");
            if (baseline - f1 < MaximumCost) return (pruned, fraction, f1);
        }
        return (data, 0, baseline);
    }

    internal static ModelData DropWeakest(ModelData data, double fraction)
    {
        int labels = new LabelSet(data.Types, data.Scheme).Count;
        int count = data.FeatureKeys.Length;
        var strength = new float[count];
        for (int f = 0; f < count; f++)
        {
            float max = 0;
            for (int y = 0; y < labels; y++) max = MathF.Max(max, MathF.Abs(data.Weights[f * labels + y]));
            strength[f] = max;
        }
        var order = Enumerable.Range(0, count).OrderByDescending(f => strength[f]).ThenBy(f => data.FeatureKeys[f]).ToArray();
        int keep = count - (int)(count * fraction);
        var kept = order.Take(keep).Order().ToArray();
        var keys = kept.Select(f => data.FeatureKeys[f]).ToArray();
        var weights = new float[kept.Length * labels];
        for (int i = 0; i < kept.Length; i++) Array.Copy(data.Weights, kept[i] * labels, weights, i * labels, labels);
        return GenreCopyBases.Complete(data with { FeatureKeys = keys, Weights = weights }, data.FeatureKeys);
    }
}
