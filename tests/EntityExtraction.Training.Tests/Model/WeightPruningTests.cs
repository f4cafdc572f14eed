using EntityExtraction.Tests.Model;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public class WeightPruningTests
{
    [Fact]
    public void Dropping_keeps_the_features_with_the_largest_weights_and_their_rows()
    {
        var data = SmallModels.Create();
        // SmallModel has two features; make the second clearly the strongest.
        var weights = (float[])data.Weights.Clone();
        for (int y = 0; y < 7; y++) weights[7 + y] = 10f + y;
        data = data with { Weights = weights };

        var pruned = WeightPruning.DropWeakest(data, 0.5);

        pruned.FeatureKeys.Should().Equal(data.FeatureKeys[1]);
        pruned.Weights.Should().Equal(weights.Skip(7).Take(7));
        pruned.Transitions.Should().BeSameAs(data.Transitions);
    }
}
