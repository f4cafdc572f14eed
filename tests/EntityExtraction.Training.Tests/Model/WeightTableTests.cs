using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Tests.Model;

public class WeightTableTests
{
    [Theory]
    [InlineData("Marie Martin travaille chez Renault à Paris depuis trois ans.")]
    [InlineData("Renault à Paris")]
    public void Folded_rows_score_exactly_like_the_base_features_plus_their_genre_copies(string text)
    {
        var model = TestModels.Train(3).Model;
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        var attributes = new TokenAttributes[tokens.Count];
        new FeatureExtractor(model.Data.Lexicon).ComputeAttributes(text, tokens, 0, tokens.Count, attributes);
        int labels = model.EntityTypes.Count * 2 + 1;

        var folded = new float[tokens.Count * labels];
        model.ComputeEmissions(attributes, folded);

        // The reference: every trained feature looked up on its own, as the trainer saw them.
        var rows = new Dictionary<ulong, int>();
        for (int f = 0; f < model.Data.FeatureKeys.Length; f++) rows[model.Data.FeatureKeys[f]] = f;
        var buffer = new ulong[FeatureExtractor.MaxTrainingFeaturesPerToken];
        for (int i = 0; i < tokens.Count; i++)
        {
            int n = FeatureExtractor.AddGenreCopies(buffer, FeatureExtractor.Extract(attributes, i, buffer), attributes[i].Genre);
            var expected = new float[labels];
            for (int k = 0; k < n; k++)
            {
                if (!rows.TryGetValue(buffer[k], out int f)) continue;
                for (int y = 0; y < labels; y++) expected[y] += model.Data.Weights[f * labels + y];
            }
            folded.AsSpan(i * labels, labels).ToArray().Should().BeEquivalentTo(expected, o => o.WithStrictOrdering()
                .Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-4f)).WhenTypeIs<float>());
        }
    }

    [Fact]
    public void A_repeated_or_zero_feature_hash_is_refused()
    {
        var duplicate = () => new WeightTable(1, [5UL, 5UL], [1f, 2f]);
        duplicate.Should().Throw<ArgumentException>().WithMessage("Duplicate feature hash*");
        var zero = () => new WeightTable(1, [0UL], [1f]);
        zero.Should().Throw<ArgumentException>().WithMessage("Feature hash 0 is reserved*");
        var sizes = () => new WeightTable(2, [5UL], [1f]);
        sizes.Should().Throw<ArgumentException>().WithMessage("Weight count*");
    }

    [Fact]
    public void Keys_in_file_order_and_in_any_other_order_give_the_same_scores()
    {
        // Model files store their keys in ascending order; a table built in memory may have them in any order.
        var data = TestModels.Train(3).Model.Data;
        data.FeatureKeys.Should().BeInAscendingOrder();
        int labels = data.Weights.Length / data.FeatureKeys.Length;
        var reversedKeys = data.FeatureKeys.Reverse().ToArray();
        var reversedWeights = Enumerable.Range(0, data.FeatureKeys.Length).Reverse()
            .SelectMany(f => data.Weights.Skip(f * labels).Take(labels)).ToArray();
        var shuffled = new NerModel(data with { FeatureKeys = reversedKeys, Weights = reversedWeights });
        const string text = "Marie Martin travaille chez Renault à Paris depuis trois ans.";
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        var attributes = new TokenAttributes[tokens.Count];
        new FeatureExtractor(data.Lexicon).ComputeAttributes(text, tokens, 0, tokens.Count, attributes);

        var inOrder = new float[tokens.Count * labels];
        var reversed = new float[tokens.Count * labels];
        new NerModel(data).ComputeEmissions(attributes, inOrder);
        shuffled.ComputeEmissions(attributes, reversed);

        reversed.Should().Equal(inOrder);
        inOrder.Should().Contain(x => x != 0f);
    }
}
