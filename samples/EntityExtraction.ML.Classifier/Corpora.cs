using System.Text.Json;
using System.Text.RegularExpressions;
using EntityExtraction.Tokenization;

namespace EntityExtraction.ML.Classifier;

/// <summary>A sentence and the kind of corpus it comes from: the classifier's row.</summary>
public sealed class LabelledSentence
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}

/// <summary>
/// Reads the sentences of the NER corpora in ../shared/data/ner, as text: the CoNLL files' tokens joined, WiNER's
/// lines cut into sentences by the library's tokenizer. Every sentence, whatever its corpus, then has its spaces
/// set the same way (none before , . ) ] or after ( [ and around an apostrophe between letters), so that the
/// classifier learns from the corpora's words and not from how each was tokenised.
/// </summary>
public static partial class Corpora
{
    /// <summary>Sentences of a CoNLL file (<c>token&lt;TAB&gt;tag</c>, a blank line between sentences).</summary>
    public static IEnumerable<string> ReadConll(string path)
    {
        var tokens = new List<string>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (tokens.Count > 0)
                    yield return Normalize(string.Join(' ', tokens));
                tokens.Clear();
                continue;
            }
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            tokens.Add(tab < 0 ? line : line[..tab]);
        }
        if (tokens.Count > 0)
            yield return Normalize(string.Join(' ', tokens));
    }

    /// <summary>Sentences of a JSONL file's <c>text</c> fields, each cut into sentences.</summary>
    public static IEnumerable<string> ReadJsonl(string path)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
                continue;
            using var record = JsonDocument.Parse(line);
            string text = record.RootElement.GetProperty("text").GetString() ?? "";
            var tokens = FrenchTokenizer.Default.Tokenize(text);
            foreach (var sentence in FrenchTokenizer.GetSentences(tokens))
                yield return Normalize(text.Substring(sentence.Start, sentence.Length));
        }
    }

    /// <summary>One spacing for every corpus.</summary>
    public static string Normalize(string sentence)
    {
        string text = Blanks().Replace(sentence, " ").Trim();
        text = SpaceBeforeClosing().Replace(text, "$1");
        text = SpaceAfterOpening().Replace(text, "$1");
        return SpacedApostrophe().Replace(text, "$1$2$3");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();

    [GeneratedRegex(@" ([,.)\]])")]
    private static partial Regex SpaceBeforeClosing();

    [GeneratedRegex(@"([(\[]) ")]
    private static partial Regex SpaceAfterOpening();

    [GeneratedRegex(@"(\p{L}) ?(['’]) ?(\p{L})")]
    private static partial Regex SpacedApostrophe();
}
