using EntityExtraction.Model;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public class GenreCopyBasesTests
{
    private const int Labels = 7; // BIO over PER, ORG, LOC

    private static ModelData Model(ulong[] keys) => new(
        LabelSet.Standard.Types, LabelScheme.Bio, ScoreNormalization.Global, 1f, new float[(Labels + 1) * Labels],
        Lexicon.Empty, keys, Enumerable.Range(0, keys.Length * Labels).Select(i => i + 1f).ToArray());

    [Fact]
    public void The_base_of_a_kept_copy_comes_back_with_zero_weights()
    {
        const ulong kept = 1000, dropped = 2000;
        ulong copy = FeatureExtractor.GenreCopy(dropped, SentenceGenre.Fragment);
        var model = Model([kept, copy]);

        var completed = GenreCopyBases.Complete(model, [kept, dropped, copy, 3000]);

        completed.FeatureKeys.Should().BeEquivalentTo(new[] { kept, dropped, copy }).And.BeInAscendingOrder();
        for (int f = 0; f < completed.FeatureKeys.Length; f++)
        {
            var row = completed.Weights.AsSpan(f * Labels, Labels).ToArray();
            int original = Array.IndexOf(model.FeatureKeys, completed.FeatureKeys[f]);
            if (original < 0) row.Should().OnlyContain(w => w == 0f, "the restored base adds nothing of its own");
            else row.Should().Equal(model.Weights.AsSpan(original * Labels, Labels).ToArray(), "kept rows move with their key");
        }
    }

    [Fact]
    public void A_model_missing_no_base_is_returned_as_it_is()
    {
        var model = Model([1000, FeatureExtractor.GenreCopy(1000, SentenceGenre.RunningText)]);

        GenreCopyBases.Complete(model, [1000, 2000, 3000]).Should().BeSameAs(model);
    }
}
