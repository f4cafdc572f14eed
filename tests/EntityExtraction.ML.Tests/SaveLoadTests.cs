using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EntityExtraction.ML.Tests;

/// <summary>Models that contain the transform save, load into a fresh MLContext and predict as before.</summary>
public sealed class SaveLoadTests
{
    public sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }

    private static readonly ExtractFrenchEntitiesOptions PeopleOnly = new()
    {
        EntityTypes = [EntityType.Person],
        MinimumConfidence = 0.5f,
        UseGazetteer = false,
    };

    private static MemoryStream Save(MLContext mlContext, ITransformer model, DataViewSchema schema)
    {
        var stream = new MemoryStream();
        mlContext.Model.Save(model, schema, stream);
        stream.Position = 0;
        return stream;
    }

    private static List<T> Column<T>(IDataView data, string name) => [.. data.GetColumn<T>(name)];

    [Fact]
    public void A_trained_classifier_predicts_the_same_after_a_save_and_a_load_in_a_fresh_context()
    {
        var mlContext = new MLContext(seed: 1);
        var training = mlContext.Data.LoadFromEnumerable(Sentences.Training);
        var pipeline = mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text")
            .Append(mlContext.Transforms.Text.FeaturizeText("Words", "Text"))
            .Append(mlContext.Transforms.Concatenate("Features", "Words", "Entities.Counts", "Entities.Bag"))
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(training);
        using var stream = Save(mlContext, model, training.Schema);

        var fresh = new MLContext(seed: 2);
        var loaded = fresh.Model.Load(stream, out var inputSchema);

        inputSchema.Select(c => c.Name).Should().Equal("Text", "Label");
        var rows = Sentences.Unseen.Concat(Sentences.Training).ToArray();
        var before = mlContext.Data.CreateEnumerable<Prediction>(model.Transform(mlContext.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToList();
        var after = fresh.Data.CreateEnumerable<Prediction>(loaded.Transform(fresh.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToList();
        after.Should().HaveCount(rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            after[i].PredictedLabel.Should().Be(before[i].PredictedLabel, $"row {i}, \"{rows[i].Text}\"");
            after[i].Score.Should().Equal(before[i].Score, $"row {i}");
        }
        before.Take(Sentences.Training.Length).Select(p => p.PredictedLabel).Should().NotBeEmpty().And.Contain("economie").And.Contain("voyage");

        var engine = fresh.Model.CreatePredictionEngine<Sentence, Prediction>(loaded);
        engine.Predict(new Sentence { Text = Sentences.AiAlliance }).Score.Should().Equal(before[0].Score, "a prediction engine maps rows the same way");
    }

    [Fact]
    public void Two_transforms_with_different_options_each_keep_theirs_through_save_and_load()
    {
        var mlContext = new MLContext(seed: 1);
        string[] texts = [Sentences.AiAlliance, "Mme Dupont et Jean Martin ont quitté Orange pour Lyon.", "", .. Sentences.Training.Select(s => s.Text!)];
        var data = mlContext.Data.LoadFromEnumerable(texts.Select(t => new Sentence { Text = t }));
        var model = mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text")
            .Append(mlContext.Transforms.Text.ExtractFrenchEntities("People", "Text", PeopleOnly))
            .Fit(data);
        using var stream = Save(mlContext, model, data.Schema);

        var fresh = new MLContext();
        var loaded = fresh.Model.Load(stream, out _);

        var before = model.Transform(data);
        var after = loaded.Transform(fresh.Data.LoadFromEnumerable(texts.Select(t => new Sentence { Text = t })));
        foreach (string column in new[] { "Entities", "Entities.Texts", "Entities.Types", "People", "People.Texts", "People.Types" })
            Column<string[]>(after, column).Should().BeEquivalentTo(Column<string[]>(before, column), o => o.WithStrictOrdering(), column);
        foreach (string column in new[] { "Entities.Counts", "People.Counts", "Entities.Bag", "People.Bag" })
            Column<float[]>(after, column).Should().BeEquivalentTo(Column<float[]>(before, column), o => o.WithStrictOrdering(), column);

        var people = Column<string[]>(after, "People.Types");
        var everyone = Column<string[]>(after, "Entities.Types");
        people.SelectMany(t => t).Should().NotBeEmpty().And.OnlyContain(t => t == "PER");
        everyone.SelectMany(t => t).Should().Contain("ORG").And.Contain("LOC");
        var expected = FrenchEntityExtractor.CreateBuilder().WithEntityTypes(EntityType.Person).WithMinimumConfidence(0.5f).UseGazetteer(false).Build();
        Column<string[]>(after, "People.Texts").Should().BeEquivalentTo(texts.Select(t => expected.Extract(t).Select(e => e.Text).ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_loaded_model_works_with_the_assembly_registered_and_the_transform_alone_saves_too()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new Sentence { Text = Sentences.AiAlliance } });
        var transformer = mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text").Fit(data);
        using var stream = Save(mlContext, transformer, data.Schema);

        var fresh = new MLContext();
        fresh.ComponentCatalog.RegisterFrenchEntityExtraction();
        var loaded = fresh.Model.Load(stream, out _);

        var row = EntityRow.Read(fresh, loaded, fresh.Data.LoadFromEnumerable(new[] { new Sentence { Text = Sentences.AiAlliance } })).Single();
        row.Entities.Should().Equal(EntityRow.Read(mlContext, transformer, data).Single().Entities);
        row.Entities.Should().Contain("PER:Sylvain Rolland");
    }
}
