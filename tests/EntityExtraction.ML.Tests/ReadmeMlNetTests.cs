using EntityExtraction.Tests;
using Microsoft.ML;
using EntityExtraction.ML;

namespace EntityExtraction.ML.Tests;

/// <summary>The README's ML.NET snippet, run as written.</summary>
public sealed class ReadmeMlNetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("entity-ml-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";
    }

    [Fact]
    public void The_snippet_trains_saves_and_loads_a_classifier()
    {
        var sentences = Sentences.Training;
        string path = Path.Combine(_folder, "classifier.zip");

        // README, ML.NET: begin
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(sentences);                 // rows with Text and Label
        var pipeline = mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text")
            .Append(mlContext.Transforms.Text.FeaturizeText("Words", "Text"))
            .Append(mlContext.Transforms.Concatenate("Features", "Words", "Entities.Counts", "Entities.Bag"))
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        mlContext.Model.Save(model, data.Schema, path);

        ITransformer loaded = new MLContext().Model.Load(path, out _);                 // a fresh context: same predictions
        // README, ML.NET: end

        var unseen = mlContext.Data.LoadFromEnumerable(Sentences.Unseen);
        var before = mlContext.Data.CreateEnumerable<Prediction>(model.Transform(unseen), reuseRowObject: false).Select(p => p.PredictedLabel);
        var after = mlContext.Data.CreateEnumerable<Prediction>(loaded.Transform(unseen), reuseRowObject: false).Select(p => p.PredictedLabel);
        after.Should().Equal(before).And.OnlyContain(label => label == "economie" || label == "voyage");
        ReadmeSnippets.ShouldShow("### ML.NET", "ML.NET", Path.Combine("tests", "EntityExtraction.ML.Tests", "ReadmeMlNetTests.cs"));
    }
}
