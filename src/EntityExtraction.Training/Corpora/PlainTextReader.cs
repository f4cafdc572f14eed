using System.Text;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Corpora;

/// <summary>
/// Unlabelled raw text (for word clusters): every non-blank line is tokenized by <see cref="FrenchTokenizer.Default"/>
/// and yields one word sequence per sentence of the tokenizer, in file order.
/// </summary>
public static class PlainTextReader
{
    public static List<string[]> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Text file '{path}' does not exist.", path);
        using var reader = new StreamReader(path, new UTF8Encoding(false));
        return Read(reader);
    }

    public static List<string[]> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<string[]>();
        var tokens = new List<Token>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            tokens.Clear();
            FrenchTokenizer.Default.Tokenize(line, tokens);
            int start = 0;
            while (start < tokens.Count)
            {
                int stop = start + 1;
                while (stop < tokens.Count && tokens[stop].SentenceIndex == tokens[start].SentenceIndex) stop++;
                var words = new string[stop - start];
                for (int i = start; i < stop; i++) words[i - start] = tokens[i].GetText(line);
                sentences.Add(words);
                start = stop;
            }
        }
        return sentences;
    }
}
