using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

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

    [Fact]
    public void Each_epoch_is_scored_with_the_calibrated_confidence_scale_it_would_ship_with()
    {
        var result = TestModels.Train(1);
        var dev = new List<DevSet> { new("tiny", ConllDocuments.Build(TestModels.Sentences(), "tiny")) };
        var data = result.Model.Data;

        data.ConfidenceScale.Should().Be(ConfidenceCalibration.Fit(data with { ConfidenceScale = 1f }, dev).Scale);
        DevSet.Score(result.Model, dev).Mean.Should().Be(result.Epochs[result.BestEpoch - 1].DevMeanF1);
    }

    [Fact]
    public void Calibration_for_selection_follows_the_size_of_the_weights()
    {
        // Weights a hundred times larger (a long training run) need a smaller scale for the same confidences.
        var dev = new List<DevSet> { new("tiny", ConllDocuments.Build(TestModels.Sentences(), "tiny")) };
        var data = TestModels.Train(1).Model.Data with { ConfidenceScale = 1f };
        var large = data with { Weights = data.Weights.Select(w => 100 * w).ToArray(), Transitions = data.Transitions.Select(t => 100 * t).ToArray() };

        float scale = AveragedPerceptronTrainer.Calibrated(data, dev).Data.ConfidenceScale;
        float largeScale = AveragedPerceptronTrainer.Calibrated(large, dev).Data.ConfidenceScale;

        largeScale.Should().BeLessThan(1f).And.BeLessThanOrEqualTo(scale);
        const string text = "Marie Martin habite à Lyon .";
        var confidences = new List<ModelEntity>();
        AveragedPerceptronTrainer.Calibrated(large, dev).Predict(text, EntityExtraction.Tokenization.FrenchTokenizer.Default.Tokenize(text), confidences);
        confidences.Should().NotBeEmpty().And.OnlyContain(e => e.Confidence > 0.5f);
    }
}
