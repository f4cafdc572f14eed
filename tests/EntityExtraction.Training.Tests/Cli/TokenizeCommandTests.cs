using System.Text;
using System.Text.Json;
using EntityExtraction.Cli;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Tests.Cli;

public class TokenizeCommandTests
{
    [Fact]
    public void Writes_one_json_object_per_token_with_exclusive_end()
    {
        const string text = "l'AI « Alliance »";
        using var output = new MemoryStream();

        TokenizeCommand.WriteJsonLines(output, text, FrenchTokenizer.Default.Tokenize(text));

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("""{"start":0,"end":2,"text":"l'","kind":"word","sentence":0}""");
        lines[2].Should().Be("""{"start":5,"end":6,"text":"«","kind":"punctuation","sentence":0}""");
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            int start = json.RootElement.GetProperty("start").GetInt32();
            int end = json.RootElement.GetProperty("end").GetInt32();
            json.RootElement.GetProperty("text").GetString().Should().Be(text[start..end]);
        }
    }
}
