using System.Text.Json;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>Reads the lower-case French word forms of an-array-of-french-words (a JSON array of strings).</summary>
public static class CommonWordLexicon
{
    public static HashSet<string> Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Common-word lexicon '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        var words = JsonSerializer.Deserialize<string[]>(stream)
            ?? throw new InvalidDataException($"'{path}' is not a JSON array of strings.");
        return new HashSet<string>(words, StringComparer.Ordinal);
    }
}
