using EntityExtraction.Storage;

namespace EntityExtraction.Gazetteers;

/// <summary>Parses the gazetteer TSV format (see <see cref="Gazetteer.LoadTsv(TextReader, string)"/>).</summary>
internal static class GazetteerTsv
{
    public static List<GazetteerEntry> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(Utf8LineReader.Read(reader, MaxLineLength, Error(sourceName)), sourceName);
    }

    public static List<GazetteerEntry> ReadUtf8(Stream stream, string sourceName) =>
        Parse(Utf8LineReader.ReadUtf8(stream, MaxLineLength, Error(sourceName)), sourceName);

    /// <summary>The longest line of a gazetteer file, in bytes (files) or characters (text).</summary>
    public const int MaxLineLength = 4096;

    private static Func<int, string, Exception> Error(string sourceName) =>
        (line, problem) => new GazetteerFormatException(sourceName, line,
            problem.StartsWith("line longer", StringComparison.Ordinal) ? problem + ": not a gazetteer TSV file?" : problem);

    private static List<GazetteerEntry> Parse(IEnumerable<(int Number, string Text)> lines, string sourceName)
    {
        var entries = new List<GazetteerEntry>();
        foreach (var (lineNumber, line) in lines)
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                continue;
            entries.Add(ParseLine(line, sourceName, lineNumber));
        }
        return entries;
    }

    public static GazetteerEntry ParseLine(string line, string sourceName, int lineNumber)
    {
        string[] columns = line.Split('\t');
        if (columns.Length is < 2 or > 5)
            throw new GazetteerFormatException(sourceName, lineNumber, $"expected 2 to 5 tab-separated columns (name, type, canonical, aliases, mode), found {columns.Length}");

        string name = columns[0].Trim();
        if (name.Length == 0)
            throw new GazetteerFormatException(sourceName, lineNumber, "empty name");

        if (!EntityTypeCodes.TryParse(columns[1], out var type))
            throw new GazetteerFormatException(sourceName, lineNumber, $"unknown entity type '{columns[1].Trim()}' (expected {EntityTypeCodes.Expected})");

        string canonical = columns.Length > 2 ? columns[2].Trim() : string.Empty;

        var aliases = new List<string>();
        if (columns.Length > 3 && columns[3].Trim().Length > 0)
        {
            foreach (string alias in columns[3].Split('|'))
            {
                string trimmed = alias.Trim();
                if (trimmed.Length == 0)
                    throw new GazetteerFormatException(sourceName, lineNumber, $"empty alias in '{columns[3]}'");
                aliases.Add(trimmed);
            }
        }

        GazetteerMatchMode mode;
        if (columns.Length > 4 && columns[4].Trim().Length > 0)
        {
            if (!Enum.TryParse(columns[4].Trim(), ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(columns[4], out _))
                throw new GazetteerFormatException(sourceName, lineNumber, $"unknown match mode '{columns[4].Trim()}' (expected Exact, IgnoreCase or IgnoreCaseAndAccents)");
        }
        else
        {
            mode = DefaultMode(name);
        }

        try
        {
            return new GazetteerEntry(name, type, canonical, aliases, mode);
        }
        catch (ArgumentException e)
        {
            // The entry's own checks (a surface without letters, one too long), said in the file's terms.
            throw new GazetteerFormatException(sourceName, lineNumber, ArgumentProblems.Describe(e));
        }
    }

    /// <summary>An all-capitals name of at most five letters is an acronym, matched exactly; anything else ignores case.</summary>
    public static GazetteerMatchMode DefaultMode(string name) =>
        name.Length <= 5 && TokenFolding.IsAllCapitals(name) && name.All(char.IsLetterOrDigit)
            ? GazetteerMatchMode.Exact
            : GazetteerMatchMode.IgnoreCase;
}
