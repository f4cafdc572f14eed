using EntityExtraction.Training.Evaluation;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public sealed class DevSetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("devset-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_weight_after_the_path_counts_the_set_that_many_times_in_the_mean()
    {
        var model = TestModels.Train(seed: 1, epochs: 5).Model;
        string known = Write("known.conll", TestModels.Corpus);
        string unknown = Write("unknown.conll", "Zorglub\tB-ORG\nest\tO\nlà\tO\n");
        var sets = new[] { DevSet.Load(known), DevSet.Load(unknown + "@3") };

        sets[1].Weight.Should().Be(3);
        sets[1].Name.Should().Be("unknown.conll×3");
        var (mean, perSet) = DevSet.Score(model, sets);
        mean.Should().BeApproximately((perSet[0] + 3 * perSet[1]) / 4, 1e-9);
    }

    [Theory]
    [InlineData("@0")]
    [InlineData("@-1")]
    [InlineData("@x")]
    public void A_weight_that_is_not_positive_is_refused(string option)
    {
        var act = () => DevSet.Load(Path.Combine(_folder, "a.conll") + option);
        act.Should().Throw<ArgumentException>().WithMessage($"*'{option}' is not a weight*");
    }

    [Fact]
    public void An_at_sign_in_a_folder_is_part_of_the_path()
    {
        DevSet.ParseSpec("/data@v2/dev.conll").Should().Be(("/data@v2/dev.conll", 1.0));
        DevSet.ParseSpec("/data@v2/dev.jsonl@2").Should().Be(("/data@v2/dev.jsonl", 2.0));
    }

    [Fact]
    public void Jsonl_is_raw_text_and_conll_is_scored_end_to_end_only_when_asked()
    {
        string conll = Write("dev.conll", TestModels.Corpus);
        string jsonl = Write("dev.jsonl", """{"id": "a", "text": "Jean Dupont habite à Lyon.", "entities": [{"start": 0, "end": 11, "type": "PER"}]}""");

        DevSet.Load(jsonl).Documents.Should().OnlyContain(d => d.GoldTokens == null);
        DevSet.Load(conll).Documents.Should().OnlyContain(d => d.GoldTokens != null);
        var endToEnd = DevSet.Load(conll, EvaluationMode.EndToEnd);
        endToEnd.Documents.Should().HaveCount(4, "one text per sentence").And.OnlyContain(d => d.GoldTokens == null);
        endToEnd.Documents[0].Text.Should().Be("Jean Dupont habite à Lyon .");
    }
}
