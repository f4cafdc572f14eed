using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Tests.Model;

public class TrainedModelTests
{
    private static List<ModelEntity> Predict(NerModel model, string text)
    {
        var entities = new List<ModelEntity>();
        model.Predict(text, FrenchTokenizer.Default.Tokenize(text), entities);
        return entities;
    }

    private static string[] Describe(string text, IEnumerable<ModelEntity> entities)
        => entities.Select(e => $"{EntityTypeCodes.ToCode(e.Type)} {text.Substring(e.Start, e.Length)}").ToArray();

    [Fact]
    public void A_trained_tiny_model_tags_its_training_sentence()
    {
        var model = TestModels.Train(3).Model;
        const string text = "Marie Martin travaille chez Renault à Paris .";
        Describe(text, Predict(model, text)).Should().Equal("PER Marie Martin", "ORG Renault", "LOC Paris");
    }

    [Fact]
    public void A_bilou_trained_tiny_model_survives_its_file_and_tags_single_and_multi_token_entities()
    {
        var trained = TestModels.Train(3, scheme: LabelScheme.Bilou).Model;
        using var file = new MemoryStream();
        ModelFile.Write(trained.Data, file);
        file.Position = 0;
        var model = NerModel.Load(file);

        model.Data.Scheme.Should().Be(LabelScheme.Bilou);
        // Marie Martin is B-PER L-PER; Renault and Paris are U-ORG and U-LOC.
        const string text = "Marie Martin travaille chez Renault à Paris .";
        var entities = Predict(model, text);
        Describe(text, entities).Should().Equal("PER Marie Martin", "ORG Renault", "LOC Paris");
        entities.Select(e => e.TokenCount).Should().Equal(2, 1, 1);
        entities.Should().AllSatisfy(e => e.Confidence.Should().BeInRange(0.5f, 1f));
    }
}
