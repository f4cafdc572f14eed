using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Tests.Model;

public class MaxEntMarkovTrainerTests
{
    private static byte[] Bytes(ModelData data)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(data, stream);
        return stream.ToArray();
    }

    [Fact]
    public void The_exported_mlnet_model_learns_the_tiny_corpus()
    {
        var sentences = TestModels.Sentences().Select(s => (s, 1f)).ToList();
        var corpus = EncodedCorpus.Build(sentences, Lexicon.Empty, minimumCount: 1);
        var dev = new List<DevSet> { new("tiny", ConllDocuments.Build(TestModels.Sentences(), "tiny")) };
        TrainingResult Train() => new MaxEntMarkovTrainer(new TrainingOptions { Seed = 1, Epochs = 5 }, [(0.1f, 0.1f)]).Train(corpus, Lexicon.Empty, dev);
        var result = Train();

        result.Model.Data.Normalization.Should().Be(ScoreNormalization.Local);
        result.Epochs.Max(e => e.TrainAccuracy).Should().BeGreaterThan(90);
        result.Epochs.Max(e => e.DevMeanF1).Should().BeGreaterThan(90);

        // Deterministic for a seed: a second run writes the same bytes.
        Bytes(Train().Model.Data).Should().Equal(Bytes(result.Model.Data));
    }
}
