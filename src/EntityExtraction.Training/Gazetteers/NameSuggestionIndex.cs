namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// Reads <c>name-suggestion-index/nsi_names.tsv</c>: OpenStreetMap's brand, operator and transit names, one row per
/// (name, category), with whether the entry's location set includes France and its Wikidata item. The rows of one
/// name are grouped.
/// </summary>
public static class NameSuggestionIndex
{
    /// <summary>One name with every category it is listed under.</summary>
    /// <param name="Text">The name as written in the index.</param>
    /// <param name="Categories">The category paths (<c>brands/shop/supermarket</c>, <c>operators/power/line</c>…).</param>
    /// <param name="FranceTied">Whether one of its rows is tied to France.</param>
    /// <param name="HasWikidata">Whether one of its rows names a Wikidata item.</param>
    public sealed record Name(string Text, IReadOnlyList<string> Categories, bool FranceTied, bool HasWikidata);

    /// <summary>
    /// Categories of objects rather than of the organisation behind them: flags, advertising structures, vending
    /// machines, payment terminals, parcel lockers, book boxes. A name listed only there is not taken for an
    /// organisation (a brand that also runs shops is listed under them as well).
    /// </summary>
    private static readonly string[] s_objectCategories =
    [
        "flags/", "brands/advertising/", "brands/amenity/vending_machine", "brands/amenity/payment_terminal",
        "brands/amenity/parcel_locker", "brands/amenity/public_bookcase",
    ];

    /// <summary>Reads the file; the header line (<c>name	nsi_path	france_location	wikidata</c>) is required.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The header or a row is malformed.</exception>
    public static List<Name> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Gazetteer source '{path}' does not exist.", path);
        var byName = new Dictionary<string, (List<string> Categories, bool France, bool Wikidata)>(StringComparer.Ordinal);
        var order = new List<string>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            string[] columns = line.Split('\t');
            if (lineNumber == 1)
            {
                if (columns.Length != 4 || columns[0] != "name" || columns[1] != "nsi_path")
                    throw new FormatException($"{path}:1: expected the header 'name<TAB>nsi_path<TAB>france_location<TAB>wikidata'.");
                continue;
            }
            if (line.Length == 0)
                continue;
            if (columns.Length != 4 || columns[0].Length == 0 || columns[1].Length == 0)
                throw new FormatException($"{path}:{lineNumber}: expected 'name<TAB>category<TAB>france<TAB>wikidata'.");
            if (!byName.TryGetValue(columns[0], out var entry))
            {
                entry = ([], false, false);
                order.Add(columns[0]);
            }
            if (!entry.Categories.Contains(columns[1]))
                entry.Categories.Add(columns[1]);
            byName[columns[0]] = (entry.Categories, entry.France || columns[2].Length > 0, entry.Wikidata || columns[3].Length > 0);
        }
        return [.. order.Select(n => new Name(n, byName[n].Categories, byName[n].France, byName[n].Wikidata))];
    }

    /// <summary>Whether a category is one of organisations (a brand, an operator, a transit network) rather than of objects.</summary>
    public static bool IsOrganisationCategory(string category, bool includeTransit = true)
    {
        if (!includeTransit && category.StartsWith("transit/", StringComparison.Ordinal))
            return false;
        return !s_objectCategories.Any(c => category.StartsWith(c, StringComparison.Ordinal));
    }

    /// <summary>
    /// The surfaces a name is written as in text: a trailing qualifier in parentheses is dropped ("Distribus (Bretagne)"
    /// → "Distribus") and bilingual names are split at " / ".
    /// </summary>
    public static IEnumerable<string> Surfaces(string name)
    {
        foreach (string part in name.Split(" / ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string surface = part;
            int open = surface.LastIndexOf(" (", StringComparison.Ordinal);
            if (open > 0 && surface.EndsWith(')'))
                surface = surface[..open].TrimEnd();
            if (surface.Length > 0)
                yield return surface;
        }
    }

    /// <summary>
    /// Words the index writes after the first word of at least <paramref name="minimumNames"/> names ("Bank",
    /// "Company", "District", "Power", "School"): they describe a name rather than being one.
    /// </summary>
    public static HashSet<string> DescriptorWords(IEnumerable<Name> names, int minimumNames = 3)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (string word in name.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Distinct(StringComparer.Ordinal))
                counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        return [.. counts.Where(c => c.Value >= minimumNames).Select(c => c.Key)];
    }
}
