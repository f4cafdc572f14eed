using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Tests.Model;

public class MaxEntMarkovTrainerTests
{
    [Fact]
    public void The_exported_mlnet_model_learns_the_tiny_corpus()
    {
        var sentences = TestModels.Sentences().Select(s => (s, 1f)).ToList();
        var corpus = EncodedCorpus.Build(sentences, Lexicon.Empty, minimumCount: 1);
        var dev = new List<DevSet> { new("tiny", ConllDocuments.Build(TestModels.Sentences(), "tiny")) };
        var result = new MaxEntMarkovTrainer(new TrainingOptions { Seed = 1, Epochs = 5 }, [(0.1f, 0.1f)]).Train(corpus, Lexicon.Empty, dev);

        result.Model.Data.Normalization.Should().Be(ScoreNormalization.Local);
        result.Epochs.Max(e => e.TrainAccuracy).Should().BeGreaterThan(90);
        result.Epochs.Max(e => e.DevMeanF1).Should().BeGreaterThan(90);
    }
}
