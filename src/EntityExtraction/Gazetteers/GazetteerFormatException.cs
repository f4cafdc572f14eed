namespace EntityExtraction.Gazetteers;

/// <summary>A line of a gazetteer TSV file is malformed.</summary>
/// <remarks>The message has the form <c>file:line: problem</c>, e.g.
/// <c>cities.tsv:12: unknown entity type 'CITY' (expected PER, ORG or LOC)</c>.</remarks>
public sealed class GazetteerFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="problem"/> at <paramref name="fileName"/>:<paramref name="lineNumber"/>.</summary>
    /// <param name="fileName">The file (or source name) being read.</param>
    /// <param name="lineNumber">The one-based line number of the malformed line.</param>
    /// <param name="problem">What is wrong with the line.</param>
    public GazetteerFormatException(string fileName, int lineNumber, string problem)
        : base($"{fileName}:{lineNumber}: {problem}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file (or source name) that holds the malformed line.</summary>
    public string FileName { get; }

    /// <summary>The one-based number of the malformed line.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong with the line, without the location prefix.</summary>
    public string Problem { get; }
}
