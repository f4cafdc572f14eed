using EntityExtraction.Model;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public sealed class ClusterTrainingTests : IDisposable
{
    private readonly string _corpus = Path.Combine(Directory.CreateTempSubdirectory("clusters-").FullName, "tiny.conll");

    public ClusterTrainingTests() => File.WriteAllText(_corpus, TestModels.Corpus);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_corpus)!, recursive: true);

    private TrainingResult Train(params int[] clusterLevels) => Train(clusterLevels, []);

    private TrainingResult Train(int[] clusterLevels, string[] clusterText) => ModelTrainer.Train(new TrainingPlan(
        [new TrainingSource(_corpus, 1f, RunningTextOnly: false)], [_corpus], GazetteerSources: null, NamesFrom: [], LexiconFile: null,
        "perceptron", new TrainingOptions { Seed = 3, Epochs = 3, MinimumFeatureCount = 1 },
        Prune: false, ClusterLevels: clusterLevels, ClusterMinimumCount: 2, ClusterText: clusterText));

    private string WriteText(string text)
    {
        string path = Path.Combine(Path.GetDirectoryName(_corpus)!, "unlabelled.txt");
        File.WriteAllText(path, text);
        return path;
    }

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
    public void Unlabelled_text_adds_its_words_tokenized_by_our_tokenizer_to_the_clustered_vocabulary()
    {
        // "Bordeaux" and "Toulouse" never occur in the training file; "l'" is split off "l'usine" by our tokenizer.
        string text = WriteText("Il habite à Bordeaux. Elle habite à Toulouse.\nIl travaille à Bordeaux, dans l'usine.\n\nElle travaille à Toulouse, dans l'usine.\nLe train va à Bordeaux puis à Toulouse.\n");
        var data = NerModel.Load(new MemoryStream(Bytes(Train([2], [text])))).Data;

        foreach (string word in new[] { "bordeaux", "Toulouse", "l'", "usine", "à" })
            data.Clusters.Lookup(FeatureHash.LowerCase(word)).ToArray().Should().ContainSingle().Which.Should().BeInRange((ushort)1, (ushort)2, word);
        data.Clusters.Lookup(FeatureHash.LowerCase("l'usine")).ToArray().Should().Equal((ushort)0);
        Bytes(Train([2], [text])).Should().Equal(Bytes(Train([2], [text])), "clusters from extra text are deterministic");
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
