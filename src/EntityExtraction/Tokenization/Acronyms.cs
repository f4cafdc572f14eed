using EntityExtraction.Language;

namespace EntityExtraction.Tokenization;

/// <summary>
/// Dotted acronyms and joined initials written without spaces: <c>U.S.A.</c>, <c>S.A.</c>, <c>e.g.</c>,
/// <c>J.-C.</c>, <c>c.-à-d.</c>. They are one token, final period included, and never end a sentence.
/// </summary>
internal static class Acronyms
{
    /// <summary>
    /// The end of a dotted acronym starting at <paramref name="start"/> (a single letter followed by a period), or -1.
    /// </summary>
    public static int Match(string text, int start)
    {
        if (text.AsSpan(start).StartsWith("c.-à-d.", StringComparison.OrdinalIgnoreCase)) return start + 7;
        int i = start;
        int letters = 0;
        while (IsLetterThenPeriod(text, i))
        {
            letters++;
            i += 2;
            if (i < text.Length && FrenchCharacters.IsHyphen(text[i]) && IsLetterThenPeriod(text, i + 1)) i++;
        }
        // Stopping before a glued word ("U.S.A.bis" → "U.S.A." "bis") rather than failing keeps the scan linear:
        // a failed look-ahead would be repeated from every following letter of "A.A.A.…AB".
        return letters < 2 ? -1 : i;
    }

    private static bool IsLetterThenPeriod(string text, int i) =>
        i + 1 < text.Length && text[i + 1] == '.' && char.IsLetter(text[i]);
}
