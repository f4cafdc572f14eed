using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

/// <summary>A hand-made model of two features, for file-format and pruning tests (linked into the training tests too).</summary>
internal static class SmallModels
{
    public static ModelData Create(LabelScheme scheme = LabelScheme.Bio)
    {
        int labels = LabelSet.ForStandardTypes(scheme).Count;
        var transitions = Enumerable.Range(0, (labels + 1) * labels).Select(i => i * 0.25f - 3f).ToArray();
        var lexicon = new Lexicon([(Lexicon.Fold(FeatureHash.LowerCase("paris")), LexiconFlags.Place), (Lexicon.Fold(FeatureHash.LowerCase("jean")), LexiconFlags.FirstName)]);
        ulong[] keys = [FeatureHash.Combine(FeatureTemplate.Word, FeatureHash.LowerCase("paris")), FeatureHash.Combine(FeatureTemplate.Bias, 0)];
        var weights = Enumerable.Range(0, keys.Length * labels).Select(i => (i % 5) * 0.5f - 1f).ToArray();
        return new ModelData(LabelSet.Standard.Types, scheme, ScoreNormalization.Global, 0.5f, transitions, lexicon, keys, weights);
    }
}
