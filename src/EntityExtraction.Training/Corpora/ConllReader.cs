using System.Text;

namespace EntityExtraction.Training.Corpora;

/// <summary>
/// Reads CoNLL files: one <c>token&lt;TAB&gt;tag</c> per line (extra columns ignored, the tag is the last one),
/// a blank line between sentences, <c>-DOCSTART-</c> lines skipped. Tags may be IOB1, IOB2 or BIOES.
/// </summary>
public static class ConllReader
{
    /// <exception cref="FormatException">A line has no tag or an unknown tag; the message names the line.</exception>
    public static List<TaggedSentence> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"CoNLL file '{path}' does not exist.", path);
        using var reader = new StreamReader(path, new UTF8Encoding(false));
        return Read(reader, path);
    }

    public static List<TaggedSentence> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        int lineNumber = 0;
        int sentenceStartLine = 1;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                Flush(sentences, words, tags, sourceName, sentenceStartLine);
                sentenceStartLine = lineNumber + 1;
                continue;
            }
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) continue;
            int tab = line.LastIndexOf('\t');
            int split = tab >= 0 ? tab : line.LastIndexOf(' ');
            if (split <= 0 || split == line.Length - 1)
                throw new FormatException($"{sourceName}:{lineNumber}: expected 'token<TAB>tag', got '{line}'.");
            int firstColumnEnd = line.IndexOf('\t');
            if (firstColumnEnd < 0) firstColumnEnd = split;
            words.Add(line[..firstColumnEnd]);
            tags.Add(line[(split + 1)..].Trim());
            try
            {
                TagSchemeConverter.ToLabels([tags[^1]]);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{sourceName}:{lineNumber}: {e.Message}", e);
            }
        }
        Flush(sentences, words, tags, sourceName, sentenceStartLine);
        return sentences;
    }

    private static void Flush(List<TaggedSentence> sentences, List<string> words, List<string> tags, string sourceName, int line)
    {
        if (words.Count == 0) return;
        int[] labels;
        try
        {
            labels = TagSchemeConverter.ToLabels(tags);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{sourceName}: sentence starting at line {line}: {e.Message}", e);
        }
        sentences.Add(new TaggedSentence(words.ToArray(), labels));
        words.Clear();
        tags.Clear();
    }
}
