namespace EntityExtraction.Language;

/// <summary>What punctuation tokens say about the words next to them.</summary>
internal static class FrenchPunctuation
{
    /// <summary>
    /// Whether <paramref name="token"/> opens a clause in which the next word's capital says nothing: an opening quote,
    /// a dash, a colon, an opening bracket, or a sentence terminator inside a sentence (<c>« Non ! Jamais »</c>).
    /// After such a mark a capital is as uninformative as at the start of a sentence.
    /// </summary>
    public static bool OpensClause(ReadOnlySpan<char> token) =>
        token.Length > 0 && IsPunctuationRun(token) && (IsOpeningMark(token[0]) || FrenchCharacters.IsSentenceTerminator(token[0]));

    /// <summary>Whether <paramref name="token"/> closes a quotation or a bracket: <c>» " ” ) ] ' ’</c>.</summary>
    public static bool IsClosingMark(ReadOnlySpan<char> token) => token is "»" or "\"" or "”" or ")" or "]" or "'" or "’";

    /// <summary>Whether <paramref name="token"/> ends a sentence or a clause of prose: a run of terminators (<c>.</c>, <c>?!</c>, <c>...</c>), <c>;</c> or <c>:</c>.</summary>
    public static bool EndsProse(ReadOnlySpan<char> token)
    {
        if (token is ";" or ":") return true;
        if (token.IsEmpty) return false;
        foreach (char c in token)
        {
            if (!FrenchCharacters.IsSentenceTerminator(c)) return false;
        }
        return true;
    }

    private static bool IsOpeningMark(char c) => c is '«' or '"' or '“' or '—' or '–' or '-' or ':' or '(';

    private static bool IsPunctuationRun(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!char.IsPunctuation(c)) return false;
        }
        return true;
    }
}
