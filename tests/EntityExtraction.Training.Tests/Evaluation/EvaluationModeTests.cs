using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Tests.Evaluation;

public sealed class EvaluationModeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mode-{Guid.NewGuid():N}.conll");

    public EvaluationModeTests() =>
        File.WriteAllText(_path, "Jean\tB-PER\nDupont\tI-PER\nvit\tO\nà\tO\nParis\tB-LOC\n.\tO\n\nIBM\tB-ORG\nrecrute\tO\n");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void End_to_end_makes_each_conll_sentence_a_raw_text_document()
    {
        var documents = Evaluator.LoadDocuments(_path, EvaluationMode.EndToEnd);

        documents.Should().HaveCount(2);
        documents[0].Text.Should().Be("Jean Dupont vit à Paris .");
        documents[0].GoldTokens.Should().BeNull("the evaluated system tokenizes the text itself");
        documents[0].Entities.Should().Equal(new EntitySpan(0, 11, EntityType.Person), new EntitySpan(18, 23, EntityType.Location));
        documents[1].Text.Should().Be("IBM recrute");
        documents[1].Entities.Should().Equal(new EntitySpan(0, 3, EntityType.Organization));
    }

    [Fact]
    public void Gold_tokens_keep_the_corpus_tokens_and_group_sentences()
    {
        var documents = Evaluator.LoadDocuments(_path, EvaluationMode.GoldTokens);

        documents.Should().ContainSingle();
        documents[0].Text.Should().Be("Jean Dupont vit à Paris .\nIBM recrute");
        documents[0].GoldTokens.Should().HaveCount(8);
        documents[0].Entities.Should().HaveCount(3);
    }

    [Fact]
    public void End_to_end_scores_what_Extract_returns()
    {
        var documents = Evaluator.LoadDocuments(_path, EvaluationMode.EndToEnd);
        var extractor = FrenchEntityExtractor.CreateDefault();
        var predictor = PipelinePredictor.For(extractor, EvaluationMode.EndToEnd);

        var predicted = new List<EntitySpan>();
        predictor(documents[0].Text, [], predicted);

        predicted.Should().Equal(extractor.Extract(documents[0].Text).Select(e => new EntitySpan(e.Start, e.End, e.Type)));
    }
}
