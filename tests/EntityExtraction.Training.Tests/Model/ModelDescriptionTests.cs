using EntityExtraction.Model;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public class ModelDescriptionTests
{
    [Fact]
    public void A_trained_model_records_its_date_data_licences_and_shape()
    {
        var plan = new TrainingPlan(
            [TrainingSource.Parse("data/train/winer.jsonl@2"), TrainingSource.Parse("data/train/wikiann.conll@0.5@cased@retok"), TrainingSource.Parse("mine.conll")],
            ["dev.conll"], GazetteerSources: "sources", NamesFrom: ["data/train/wikiann.conll"], LexiconFile: null, Learner: "perceptron",
            new TrainingOptions { Seed = 7 }, ClusterText: ["data/unlabelled/debats-2013-2018.txt"]);
        var data = TestModels.Train(3).Model.Data;

        var metadata = ModelDescription.For(plan, data, new DateOnly(2026, 11, 30));
        var info = NerModel.Load(Write(data with { Metadata = metadata })).Info;

        info.Created.Should().Be(new DateOnly(2026, 11, 30));
        info.TrainingData.Should().StartWith(["winer.jsonl, weight 2", "wikiann.conll, weight 0.5, cased entities only, retokenized", "mine.conll", "names harvested from wikiann.conll", "word clusters also from debats-2013-2018.txt"]);
        info.DataLicence.Should().Contain("WiNER-fr (Wikinews text CC BY 2.5, annotations CC BY 4.0)")
            .And.Contain("WikiANN (licence not stated by the source)")
            .And.Contain("mine.conll (licence unknown")
            .And.Contain("Assemblée nationale debates, via Common Voice FR (CC0, with attribution)");
        info.Description.Should().StartWith("perceptron, BIO labels, ").And.EndWith("seed 7");
    }

    [Fact]
    public void The_date_comes_from_SOURCE_DATE_EPOCH_when_set()
    {
        string? saved = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1764460800"); // 2025-11-30T00:00:00Z
            ModelDescription.Today().Should().Be(new DateOnly(2025, 11, 30));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", saved);
        }
    }

    private static MemoryStream Write(ModelData data)
    {
        var stream = new MemoryStream();
        ModelFile.Write(data, stream);
        stream.Position = 0;
        return stream;
    }
}
