using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// Keeps the base feature of every genre copy a trained model keeps. The runtime folds each copy into its base
/// feature's row (<c>WeightTable</c>) and finds copies only from their bases, so a copy whose base was dropped
/// (pruned, or averaged to zero) would be silently ignored; its base comes back with zero weights instead.
/// </summary>
internal static class GenreCopyBases
{
    /// <param name="model">The model as kept.</param>
    /// <param name="candidates">Every feature the model could have kept (the corpus' or the unpruned model's).</param>
    public static ModelData Complete(ModelData model, IEnumerable<ulong> candidates)
    {
        var kept = new HashSet<ulong>(model.FeatureKeys);
        var missing = new List<ulong>();
        foreach (ulong candidate in candidates)
        {
            if (kept.Contains(candidate)) continue;
            if (kept.Contains(FeatureExtractor.GenreCopy(candidate, SentenceGenre.RunningText))
                || kept.Contains(FeatureExtractor.GenreCopy(candidate, SentenceGenre.Fragment)))
                missing.Add(candidate);
        }
        if (missing.Count == 0) return model;
        int labels = new LabelSet(model.Types, model.Scheme).Count;
        var keys = model.FeatureKeys.Concat(missing).ToArray();
        var order = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ToArray();
        var weights = new float[keys.Length * labels];
        for (int i = 0; i < order.Length; i++)
        {
            if (order[i] < model.FeatureKeys.Length) Array.Copy(model.Weights, order[i] * labels, weights, i * labels, labels);
        }
        return model with { FeatureKeys = order.Select(i => keys[i]).ToArray(), Weights = weights };
    }
}
