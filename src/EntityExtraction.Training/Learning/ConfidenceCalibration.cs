using EntityExtraction.Model;
using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// Chooses the temperature that turns perceptron scores (which have no probabilistic scale) into marginals, so
/// entity confidences mean something: the scale with the lowest Brier score of predicted entities' confidence
/// against their exact-match correctness on the dev sets. The decoded labels do not depend on it.
/// </summary>
public static class ConfidenceCalibration
{
    public static readonly float[] Scales = [0.02f, 0.05f, 0.1f, 0.2f, 0.35f, 0.5f, 0.75f, 1f];

    internal static (float Scale, double Brier) Fit(ModelData data, IReadOnlyList<DevSet> dev)
    {
        var best = (Scale: data.ConfidenceScale, Brier: double.PositiveInfinity);
        foreach (float scale in Scales)
        {
            double brier = Brier(new NerModel(data with { ConfidenceScale = scale }), dev);
            if (brier < best.Brier) best = (scale, brier);
        }
        return best;
    }

    private static double Brier(NerModel model, IReadOnlyList<DevSet> dev)
    {
        double sum = 0;
        long count = 0;
        var entities = new List<ModelEntity>();
        foreach (var document in dev.SelectMany(d => d.Documents))
        {
            var tokens = document.GoldTokens ?? FrenchTokenizer.Default.Tokenize(document.Text);
            var gold = new HashSet<EntitySpan>(document.Entities);
            entities.Clear();
            model.Predict(document.Text, tokens, entities);
            foreach (var e in entities)
            {
                double correct = gold.Contains(new EntitySpan(e.Start, e.Start + e.Length, e.Type)) ? 1 : 0;
                sum += (e.Confidence - correct) * (e.Confidence - correct);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
