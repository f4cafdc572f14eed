using EntityExtraction.Model;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public sealed class ClusterTrainingTests : IDisposable
{
    private readonly string _corpus = Path.Combine(Directory.CreateTempSubdirectory("clusters-").FullName, "tiny.conll");

    public ClusterTrainingTests() => File.WriteAllText(_corpus, TestModels.Corpus);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_corpus)!, recursive: true);

    private TrainingResult Train(params int[] clusterLevels) => ModelTrainer.Train(new TrainingPlan(
        [new TrainingSource(_corpus, 1f, RunningTextOnly: false)], [_corpus], GazetteerSources: null, NamesFrom: [], LexiconFile: null,
        "perceptron", new TrainingOptions { Seed = 3, Epochs = 3, MinimumFeatureCount = 1 },
        Prune: false, ClusterLevels: clusterLevels, ClusterMinimumCount: 2));

    private static byte[] Bytes(TrainingResult result)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(result.Model.Data, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Clusters_learned_from_the_training_text_travel_in_the_model_file()
    {
        var model = NerModel.Load(new MemoryStream(Bytes(Train(2))));

        // Only "à" and "." occur at least twice in the tiny corpus (four times each).
        model.Data.Clusters.ClassCounts.Should().Equal(2);
        model.Data.Clusters.Count.Should().Be(2);
        model.Data.Clusters.Lookup(FeatureHash.LowerCase("à")).ToArray().Should().ContainSingle().Which.Should().BeInRange((ushort)1, (ushort)2);
        model.Data.Clusters.Lookup(FeatureHash.LowerCase("Lyon")).ToArray().Should().Equal((ushort)0);
        model.Data.FeatureKeys.Should().Contain(FeatureHash.Combine(FeatureTemplate.Cluster, 0UL), "the cluster of out-of-vocabulary words is a feature");
    }

    [Fact]
    public void Training_with_clusters_is_deterministic()
    {
        Bytes(Train(2)).Should().Equal(Bytes(Train(2)));
    }

    [Fact]
    public void Zero_clusters_trains_a_model_without_clusters()
    {
        Train(0).Model.Data.Clusters.ClassCounts.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-5)]
    public void An_impossible_class_count_is_refused_naming_it(int classes)
    {
        var act = () => Train(classes);
        act.Should().Throw<ArgumentException>().WithMessage($"{classes} word clusters*");
    }
}
