namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// Reads <c>cspell-dict-companies/companies.txt</c>: company names in their usual capitalisation, one a line; lines
/// starting with <c>#</c> are comments. The list is a spelling dictionary: besides names ("Criteo", "BlackRock") it
/// holds stock tickers ("AAPL"), one-letter junk and the single words of longer names ("Hathaway", "Products").
/// </summary>
public static class CspellCompanies
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static List<string> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Gazetteer source '{path}' does not exist.", path);
        return [.. File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Distinct(StringComparer.Ordinal)];
    }
}
