using EntityExtraction.Gazetteers;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// The hand-curated name lists (<c>src/EntityExtraction.Training/Curated/*.tsv</c>), read the one way the gazetteer
/// compiler, the model's lexicons and mention replacement all need them: every file in ordinal name order, as
/// entries, without building a gazetteer around them.
/// </summary>
internal static class CuratedLists
{
    /// <exception cref="DirectoryNotFoundException"><paramref name="folder"/> does not exist.</exception>
    /// <exception cref="GazetteerFormatException">A line is malformed (the message names the file and line).</exception>
    public static List<(string Path, List<GazetteerEntry> Entries)> Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Curated lists folder '{folder}' does not exist.");
        var lists = new List<(string, List<GazetteerEntry>)>();
        foreach (string path in Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            lists.Add((path, GazetteerTsv.Read(reader, path)));
        }
        return lists;
    }
}
