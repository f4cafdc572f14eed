using EntityExtraction.Gazetteers;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>The general organisation lists the compiler can add after its other sources.</summary>
[Flags]
public enum OrganisationListSources
{
    None = 0,

    /// <summary>name-suggestion-index: brand, operator and transit names (OpenStreetMap).</summary>
    NameSuggestionIndex = 1,

    /// <summary>cspell-dict-companies: company names.</summary>
    CspellCompanies = 2,

    Both = NameSuggestionIndex | CspellCompanies,
}

/// <summary>Which name-suggestion-index names are in scope, by their tie to France and their Wikidata item.</summary>
public enum NameSuggestionScope
{
    /// <summary>Only names tied to France.</summary>
    France,

    /// <summary>Names tied to France, and names of several words with a Wikidata item.</summary>
    FranceOrWikidataMultiWord,

    /// <summary>Names tied to France or with a Wikidata item.</summary>
    FranceOrWikidata,
}

/// <summary>
/// Selects the organisation names of name-suggestion-index and cspell-dict-companies with <see cref="OrganisationNameFilter"/>,
/// as <see cref="EntityType.Organization"/> entries matched case-insensitively, and says why each name was kept or left out.
/// </summary>
public static class OrganisationLists
{
    /// <summary>How the lists are selected.</summary>
    /// <param name="Scope">Which name-suggestion-index names are in scope.</param>
    /// <param name="Transit">Whether transit networks (<c>transit/*</c>) count as organisations.</param>
    /// <param name="KeepCommonWords">Keep single words that are common French words, for the common-word guard to check.</param>
    /// <param name="KeepCommonWordPhrases">Keep names of several words made of common words only ("Brioche Dorée").</param>
    public sealed record Settings(NameSuggestionScope Scope = NameSuggestionScope.France, bool Transit = true, bool KeepCommonWords = false, bool KeepCommonWordPhrases = false);

    /// <summary>
    /// The name-suggestion-index names listed under an organisation category and in scope. An acronym is kept only
    /// when the name is tied to France and has a Wikidata item; every other rule is <paramref name="filter"/>'s.
    /// </summary>
    public static List<GazetteerEntry> FromNameSuggestionIndex(IEnumerable<NameSuggestionIndex.Name> names, OrganisationNameFilter filter, Settings settings, ICollection<(string Name, string Verdict)>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(settings);
        var entries = new List<GazetteerEntry>();
        foreach (var name in names)
        {
            if (!name.Categories.Any(c => NameSuggestionIndex.IsOrganisationCategory(c, settings.Transit)))
            {
                decisions?.Add((name.Text, "not an organisation category"));
                continue;
            }
            foreach (string surface in NameSuggestionIndex.Surfaces(name.Text))
            {
                if (!InScope(name, surface, settings.Scope))
                {
                    decisions?.Add((surface, "out of scope"));
                    continue;
                }
                var verdict = filter.Judge(surface, acronymAllowed: name.FranceTied && name.HasWikidata, settings.KeepCommonWords, settings.KeepCommonWordPhrases);
                decisions?.Add((surface, verdict.ToString()));
                if (verdict == OrganisationNameFilter.Verdict.Kept)
                    entries.Add(ToEntry(surface));
            }
        }
        return entries;
    }

    /// <summary>The cspell company names <paramref name="filter"/> keeps; acronyms are never kept (tickers cannot be told from them).</summary>
    public static List<GazetteerEntry> FromCspellCompanies(IEnumerable<string> names, OrganisationNameFilter filter, Settings settings, ICollection<(string Name, string Verdict)>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(settings);
        var entries = new List<GazetteerEntry>();
        foreach (string name in names)
        {
            var verdict = filter.Judge(name, acronymAllowed: false, settings.KeepCommonWords, settings.KeepCommonWordPhrases);
            decisions?.Add((name, verdict.ToString()));
            if (verdict == OrganisationNameFilter.Verdict.Kept)
                entries.Add(ToEntry(name));
        }
        return entries;
    }

    private static bool InScope(NameSuggestionIndex.Name name, string surface, NameSuggestionScope scope) =>
        name.FranceTied || (name.HasWikidata && scope switch
        {
            NameSuggestionScope.FranceOrWikidata => true,
            NameSuggestionScope.FranceOrWikidataMultiWord => !OrganisationNameFilter.IsSingleToken(surface),
            _ => false,
        });

    private static GazetteerEntry ToEntry(string surface) => new(surface, EntityType.Organization, matchMode: GazetteerMatchMode.IgnoreCase);
}
