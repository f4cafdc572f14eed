using EntityExtraction.Gazetteers;
using EntityExtraction.Language;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// Decides whether a name from a general brand or company list (name-suggestion-index, cspell-dict-companies) is
/// safe to match as an organisation in French text. The rules are about the name alone, never about one sentence:
/// <list type="bullet">
/// <item>a name in another script, not starting with a capital, or shorter than three characters is left out;</item>
/// <item>an all-capitals single word (an acronym or a ticker) is kept only where the source allows it, and never when
/// French text already uses it for something else (seen outside names: "RER", "CSO", "ETS") or when it spells a
/// common word ("TIC", "BUT");</item>
/// <item>a single word that is a common French word (compared without case or accents: "Metro" is "métro"), a
/// first name or surname, a place, or a word the brand list itself uses to describe names ("Company", "Bank") is
/// left out — unless <c>keepCommonWords</c>, when a common word is kept for the common-word guard to check;</item>
/// <item>a name of several words is left out when it is a place, looks like a person's name (a first name and one or
/// two capitalised words: "Franck Provost"), is a generic institution of a place ("Mairie de Tours", "Ville de
/// Lyon": by the annotation conventions the place only), or is made of common words only ("Le Bus", "La Navette").</item>
/// </list>
/// </summary>
public sealed class OrganisationNameFilter
{
    /// <summary>Why a name is kept or left out.</summary>
    public enum Verdict
    {
        Kept,
        NotLatinScript,
        NotCapitalised,
        TooShort,
        Acronym,
        CommonWord,
        PersonName,
        Place,
        Descriptor,
        PersonLike,
        InstitutionOfAPlace,
        CommonWordsOnly,
    }

    private static readonly string[] s_placeConnectors = ["de", "du", "des", "d'"];

    /// <summary>
    /// Kinds of public institution that the annotation conventions leave outside the name of their place
    /// ("la mairie de [LOC Lyon]", "le tribunal de [LOC Nanterre]").
    /// </summary>
    private static readonly string[] s_institutionKinds =
    [
        "mairie", "ville", "commune", "municipalité", "département", "région", "préfecture", "sous-préfecture", "académie",
        "rectorat", "consulat", "ambassade", "tribunal", "gouvernement", "agglomération", "métropole",
    ];
    private static readonly string[] s_placeArticles = ["la ", "le ", "les ", "l'"];

    private readonly HashSet<string> _foldedCommonWords;
    private readonly IReadOnlySet<string> _firstNames;
    private readonly IReadOnlySet<string> _personNames;
    private readonly HashSet<string> _foldedPlaces;
    private readonly IReadOnlySet<string> _descriptors;
    private readonly IReadOnlySet<string> _acronymsInUse;

    /// <param name="commonWords">Lower-case common French word forms (an-array-of-french-words).</param>
    /// <param name="firstNames">First names, as written (hunspell <c>po:prn</c>).</param>
    /// <param name="personNames">First names and surnames, as written (hunspell <c>po:prn</c>, <c>po:patr</c>).</param>
    /// <param name="places">Place names in any case (communes, départements, régions, countries, world cities).</param>
    /// <param name="descriptors">Words that describe names rather than being one (see <see cref="NameSuggestionIndex.DescriptorWords"/>).</param>
    /// <param name="acronymsInUse">All-capitals words French text uses outside names (see <see cref="AcronymsInUse"/>).</param>
    public OrganisationNameFilter(IEnumerable<string> commonWords, IReadOnlySet<string> firstNames, IReadOnlySet<string> personNames, IEnumerable<string> places,
        IReadOnlySet<string> descriptors, IReadOnlySet<string> acronymsInUse)
    {
        ArgumentNullException.ThrowIfNull(commonWords);
        ArgumentNullException.ThrowIfNull(places);
        _acronymsInUse = acronymsInUse;
        _foldedCommonWords = [.. commonWords.Select(Fold)];
        _firstNames = firstNames;
        _personNames = personNames;
        _foldedPlaces = [.. places.Select(PlaceKey)];
        _descriptors = descriptors;
    }

    /// <summary>Whether <paramref name="surface"/> is one token for the matcher (the common-word guard applies to those).</summary>
    public static bool IsSingleToken(string surface) => Words(surface).Count == 1;

    /// <summary>Whether <paramref name="word"/>, without case or accents, is a common French word form.</summary>
    public bool IsCommonWord(string word) => _foldedCommonWords.Contains(Fold(word));

    /// <param name="surface">The name as it would be matched.</param>
    /// <param name="acronymAllowed">Whether an all-capitals single word may be kept.</param>
    /// <param name="keepCommonWords">Keep a single word that is a common word (the guard then checks its context).</param>
    /// <param name="keepCommonWordPhrases">Keep a name of several words made of common words only.</param>
    public Verdict Judge(string surface, bool acronymAllowed, bool keepCommonWords = false, bool keepCommonWordPhrases = false)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (surface.Any(c => char.IsLetter(c) && !IsLatin(c)))
            return Verdict.NotLatinScript;
        if (surface.Length == 0 || !char.IsUpper(surface[0]))
            return Verdict.NotCapitalised;
        if (surface.Length < 3 || surface.Count(char.IsLetter) < 2)
            return Verdict.TooShort;

        var words = Words(surface);
        if (words.Count == 1)
            return JudgeWord(words[0], acronymAllowed, keepCommonWords);

        if (_foldedPlaces.Contains(PlaceKey(surface)))
            return Verdict.Place;
        if (LooksLikeAPerson(words))
            return Verdict.PersonLike;
        if (IsInstitutionOfAPlace(surface, words))
            return Verdict.InstitutionOfAPlace;
        if (!keepCommonWordPhrases && words.All(w => (!char.IsLetter(w[0]) && !char.IsDigit(w[0])) || FrenchElisions.IsElidedToken(w) || IsCommonWord(w)))
            return Verdict.CommonWordsOnly;
        return Verdict.Kept;
    }

    private Verdict JudgeWord(string word, bool acronymAllowed, bool keepCommonWords)
    {
        if (IsAcronym(word))
            return acronymAllowed && !IsCommonWord(word) && !_acronymsInUse.Contains(word) ? Verdict.Kept : Verdict.Acronym;
        if (_foldedPlaces.Contains(PlaceKey(word)))
            return Verdict.Place;
        if (IsCommonWord(word))
            return keepCommonWords ? Verdict.Kept : Verdict.CommonWord;
        if (_personNames.Contains(word))
            return Verdict.PersonName;
        if (_descriptors.Contains(word))
            return Verdict.Descriptor;
        return Verdict.Kept;
    }

    /// <summary>A first name followed by one or two capitalised words and nothing else: "Eric Kayser", "Jean Louis David".</summary>
    private bool LooksLikeAPerson(List<string> words) =>
        words.Count <= 3 && _firstNames.Contains(words[0]) && words.Skip(1).All(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower));

    /// <summary>"Mairie de Tours", "Ville de Saint-Denis", "Consulat d'Espagne", "Région Normandie": a kind of institution, "de" or nothing, a known place.</summary>
    private bool IsInstitutionOfAPlace(string surface, List<string> words)
    {
        if (!s_institutionKinds.Contains(words[0], StringComparer.OrdinalIgnoreCase))
            return false;
        string rest = surface[words[0].Length..].Trim();
        if (_foldedPlaces.Contains(PlaceKey(rest)))
            return true;
        if (words.Count < 3 || Array.IndexOf(s_placeConnectors, words[1].ToLowerInvariant().Replace('’', '\'')) < 0)
            return false;
        rest = rest[words[1].Length..].Trim();
        if (_foldedPlaces.Contains(PlaceKey(rest)))
            return true;
        string? article = s_placeArticles.FirstOrDefault(a => rest.StartsWith(a, StringComparison.OrdinalIgnoreCase));
        return article is not null && _foldedPlaces.Contains(PlaceKey(rest[article.Length..].Trim()));
    }

    /// <summary>
    /// The all-capitals words (two letters or more) of a plain-text corpus, one sentence a line: the acronyms French text
    /// already uses (the Assemblée nationale debates write "RER", "SNCF", "CSO").
    /// </summary>
    public static HashSet<string> AcronymsInUse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var acronyms = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            int start = -1;
            for (int i = 0; i <= line.Length; i++)
            {
                bool part = i < line.Length && char.IsLetterOrDigit(line[i]);
                if (part && start < 0)
                    start = i;
                else if (!part && start >= 0)
                {
                    var word = line.AsSpan(start, i - start);
                    if (IsAcronym(word))
                        acronyms.Add(word.ToString());
                    start = -1;
                }
            }
        }
        return acronyms;
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }

    private static bool IsLatin(char c) => c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);

    private static List<string> Words(string surface)
    {
        var tokens = FrenchTokenizer.Default.Tokenize(surface);
        return [.. tokens.Select(t => t.GetText(surface))];
    }

    private static string Fold(string text) => TokenFolding.FoldToString(text, GazetteerMatchMode.IgnoreCaseAndAccents);

    /// <summary>Places compare without case, accents or the difference between a hyphen and a space ("Villeneuve d'Ascq").</summary>
    private static string PlaceKey(string text) => Fold(text).Replace('-', ' ');
}
