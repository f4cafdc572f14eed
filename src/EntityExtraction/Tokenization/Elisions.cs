namespace EntityExtraction.Tokenization;

/// <summary>
/// French elision: a clitic that lost its final vowel before a vowel (<c>l'</c>, <c>jusqu'</c>) is a token of
/// its own, apostrophe included. The rule is structural: only when the whole word before the apostrophe is one
/// of these clitics. That is why lexicalised words (<c>aujourd'hui</c>, <c>prud'homme</c>, <c>presqu'île</c>,
/// <c>quelqu'un</c>, <c>entr'acte</c>) and foreign names (<c>O'Neill</c>) stay whole without a word list.
/// </summary>
internal static class Elisions
{
    private static readonly string[] Clitics =
        ["l", "d", "j", "m", "n", "s", "t", "c", "ç", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

    /// <summary>The straight and the typographic apostrophe.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>True when <paramref name="word"/> (the text before an apostrophe) is an elided clitic, ignoring case.</summary>
    public static bool IsElidedClitic(ReadOnlySpan<char> word)
    {
        if (word.Length > 6) return false;
        foreach (string clitic in Clitics)
        {
            if (word.Equals(clitic, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
