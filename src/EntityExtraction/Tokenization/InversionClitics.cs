using EntityExtraction.Language;

namespace EntityExtraction.Tokenization;

/// <summary>
/// Subject pronouns attached to a verb by inversion (<c>a-t-il</c>, <c>dit-elle</c>, <c>est-ce</c>). They are
/// split off the verb as one token with their hyphens (<c>-t-il</c>). Only lowercase tails that end the
/// hyphenated word count, so names such as <c>Jean-Pierre</c> or <c>Saint-On</c>-like place names are not cut.
/// </summary>
internal static class InversionClitics
{
    // Longest first so "-t-il" wins over a bare "-t".
    private static readonly string[] Tails =
        ["t-elles", "t-elle", "t-ils", "t-il", "t-on", "elles", "elle", "ils", "il", "on", "je", "tu", "nous", "vous", "ce"];

    // Nouns that look like an inversion; compared with the word before the hyphen and the tail.
    private static readonly (string Head, string Tail)[] Lexicalised = [("rendez", "vous")];

    /// <summary>
    /// Length of the inversion tail starting at the hyphen at <paramref name="hyphen"/> (hyphen included), or 0.
    /// </summary>
    public static int TailLength(string text, int hyphen)
    {
        if (hyphen >= text.Length || !FrenchCharacters.IsHyphen(text[hyphen])) return 0;
        int from = hyphen + 1;
        foreach (string tail in Tails)
        {
            if (Matches(text, from, tail) && EndsWord(text, from + tail.Length))
                return tail.Length + 1;
        }
        return 0;
    }

    /// <summary>True when <paramref name="head"/> + the tail at <paramref name="hyphen"/> is a noun, not an inversion.</summary>
    public static bool IsLexicalised(ReadOnlySpan<char> head, string text, int hyphen)
    {
        foreach (var (lexHead, lexTail) in Lexicalised)
        {
            if (head.Equals(lexHead, StringComparison.OrdinalIgnoreCase)
                && text.AsSpan(hyphen + 1).StartsWith(lexTail, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool Matches(string text, int from, string tail)
    {
        if (from + tail.Length > text.Length) return false;
        for (int k = 0; k < tail.Length; k++)
        {
            char expected = tail[k], actual = text[from + k];
            if (expected == '-' ? !FrenchCharacters.IsHyphen(actual) : actual != expected) return false;
        }
        return true;
    }

    // The tail must be the end of the hyphenated word: "dit-elle," splits, "m'as-tu-vu" does not.
    private static bool EndsWord(string text, int index)
    {
        if (index >= text.Length) return true;
        if (CharClassifier.IsWordCharAt(text, index)) return false;
        char c = text[index];
        if ((FrenchCharacters.IsHyphen(c) || FrenchCharacters.IsApostrophe(c) || c == '.') && CharClassifier.IsWordCharAt(text, index + 1))
            return false;
        return true;
    }
}
