using EntityExtraction.Language;

namespace EntityExtraction.Tokenization;

/// <summary>How a period after a known abbreviation is treated.</summary>
internal enum AbbreviationKind
{
    /// <summary>Not an abbreviation: the period is punctuation.</summary>
    None,

    /// <summary>The period belongs to the abbreviation and never ends the sentence (<c>M.</c>, <c>cf.</c>).</summary>
    Always,

    /// <summary>Like <see cref="Always"/>, but only when a number follows (<c>no. 5</c>, <c>sept. 2023</c>): otherwise the word is an ordinary word.</summary>
    BeforeNumber,

    /// <summary><c>etc.</c>: keeps its period; the sentence ends after it only if the next token starts with an uppercase letter.</summary>
    Ambiguous,
}

/// <summary>
/// A compact list of French abbreviations written with a period. Not a dictionary: titles, the abbreviations of
/// references and citations, and month names. Lowercase entries also match with an initial capital
/// (<c>Cf.</c> at the start of a sentence); titles match exactly. A single uppercase letter is an initial.
/// </summary>
internal static class Abbreviations
{
    private static readonly string[] Always =
    [
        // Saints, company and generation suffixes; titles are FrenchTitles'.
        "St", "Ste", "Sts", "Stes", "Cie", "Jr",
        // References, citations and common running-text abbreviations.
        "cf", "av", "apr", "ex", "p", "pp", "vol", "chap", "art", "fig", "env", "éd", "coll", "dir", "hab", "tél",
        "bd", "ibid", "op", "cit", "vs", "resp", "réf", "trad",
    ];

    private static readonly string[] BeforeNumber =
        ["no", "No", "t", "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc"];

    /// <summary>Classifies <paramref name="word"/>, which is followed by a period at <paramref name="afterPeriod"/> - 1.</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word, string text, int afterPeriod)
    {
        if (word.Length == 1 && char.IsUpper(word[0])) return AbbreviationKind.Always; // an initial: J. C. Penney
        if (word.Equals("etc", StringComparison.Ordinal) || word.Equals("Etc", StringComparison.Ordinal))
            return AbbreviationKind.Ambiguous;
        if (FrenchTitles.IsAbbreviatedTitle(word) || Contains(Always, word)) return AbbreviationKind.Always;
        if (Contains(BeforeNumber, word) && NumberFollows(text, afterPeriod)) return AbbreviationKind.BeforeNumber;
        return AbbreviationKind.None;
    }

    private static bool Contains(string[] entries, ReadOnlySpan<char> word)
    {
        foreach (string entry in entries)
        {
            if (entry.Length != word.Length) continue;
            if (word.SequenceEqual(entry)) return true;
            if (char.IsLower(entry[0]) && word[0] == char.ToUpperInvariant(entry[0]) && word[1..].SequenceEqual(entry.AsSpan(1)))
                return true;
        }
        return false;
    }

    private static bool NumberFollows(string text, int index)
    {
        while (index < text.Length && CharClassifier.IsSeparator(text[index])) index++;
        return index < text.Length && char.IsDigit(text[index]);
    }
}
