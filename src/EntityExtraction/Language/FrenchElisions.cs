namespace EntityExtraction.Language;

/// <summary>
/// French elision: a clitic that lost its final vowel before a vowel (<c>l'</c>, <c>jusqu'</c>) is a token of
/// its own, apostrophe included. The rule is structural: only when the whole word before the apostrophe is one
/// of these clitics. That is why lexicalised words (<c>aujourd'hui</c>, <c>prud'homme</c>, <c>presqu'île</c>,
/// <c>quelqu'un</c>, <c>entr'acte</c>) and foreign names (<c>O'Neill</c>) stay whole without a word list.
/// </summary>
internal static class FrenchElisions
{
    private static readonly WordList Clitics = new("l", "d", "j", "m", "n", "s", "t", "c", "ç", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");

    private const int LongestClitic = 6;

    /// <summary>True when <paramref name="word"/> (the text before an apostrophe) is an elided clitic, ignoring case.</summary>
    public static bool IsElidedClitic(ReadOnlySpan<char> word) => word.Length <= LongestClitic && Clitics.Contains(word);

    /// <summary>True when <paramref name="token"/> is an elided clitic with its apostrophe, as the tokenizer cuts it: <c>l'</c>, <c>D’</c>, <c>jusqu'</c>.</summary>
    public static bool IsElidedToken(ReadOnlySpan<char> token) =>
        token.Length >= 2 && FrenchCharacters.IsApostrophe(token[^1]) && IsElidedClitic(token[..^1]);
}
