using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public class MaxEntMarkovTrainerTests
{
    private static byte[] Bytes(ModelData data)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(data, stream);
        return stream.ToArray();
    }

    private static (EncodedCorpus Corpus, List<DevSet> Dev) TinyCorpus()
    {
        var sentences = TestModels.Sentences().Select(s => (s, 1f)).ToList();
        var dev = new List<DevSet> { new("tiny", ConllDocuments.Build(TestModels.Sentences(), "tiny")) };
        return (EncodedCorpus.Build(sentences, Lexicon.Empty, minimumCount: 1), dev);
    }

    [Fact]
    public void The_exported_mlnet_model_learns_the_tiny_corpus()
    {
        var (corpus, dev) = TinyCorpus();
        TrainingResult Train() => new MaxEntMarkovTrainer(new TrainingOptions { Seed = 1, Epochs = 5 }, [(0.1f, 0.1f)]).Train(corpus, Lexicon.Empty, dev);
        var result = Train();

        result.Model.Data.Normalization.Should().Be(ScoreNormalization.Local);
        result.Epochs.Max(e => e.TrainAccuracy).Should().BeGreaterThan(90);
        result.Epochs.Max(e => e.DevMeanF1).Should().BeGreaterThan(90);

        // Deterministic for a seed: a second run writes the same bytes.
        Bytes(Train().Model.Data).Should().Equal(Bytes(result.Model.Data));
    }

    [Fact]
    public void The_mlnet_model_also_learns_the_tiny_corpus_in_bilou()
    {
        var (corpus, dev) = TinyCorpus();
        var options = new TrainingOptions { Seed = 1, Epochs = 5, Scheme = LabelScheme.Bilou };
        var result = new MaxEntMarkovTrainer(options, [(0.1f, 0.1f)]).Train(corpus, Lexicon.Empty, dev);

        result.Model.Data.Scheme.Should().Be(LabelScheme.Bilou);
        result.Epochs.Max(e => e.DevMeanF1).Should().BeGreaterThan(90);
    }
}
