using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class TrainingDeterminismTests
{
    private static byte[] ModelBytes(int seed)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(TestModels.Train(seed).Model.Data, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Same_seed_gives_byte_identical_models()
    {
        ModelBytes(7).Should().Equal(ModelBytes(7));
    }

    [Fact]
    public void Training_reports_every_epoch_and_learns_the_tiny_corpus()
    {
        var result = TestModels.Train(1);
        result.Epochs.Should().HaveCount(5);
        result.Epochs.Select(e => e.Epoch).Should().Equal(1, 2, 3, 4, 5);
        // The corpus is trivially separable: the perceptron must fit it.
        result.Epochs[^1].TrainAccuracy.Should().Be(100);
        result.Epochs.Max(e => e.DevMeanF1).Should().Be(100);
    }
}
