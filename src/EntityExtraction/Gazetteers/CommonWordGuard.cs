using EntityExtraction.Language;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// The context rules a single-word gazetteer name must pass (acronyms excepted), which keep common words and parts
/// of longer names from matching:
/// <list type="bullet">
/// <item>a one-word name glued to another capitalised word is most likely part of a longer name the gazetteer does
/// not know ("Thomas Pesquet", "Paris Match"): it is left alone;</item>
/// <item>a name that is also a common French word ("Orange", "Nice", "Tours", "Sens") needs a capital in the text,
/// must not open a sentence, a line or a clause (unless written in capitals), and must not follow a determiner that
/// announces a common noun ("une", "ces", "son"…).</item>
/// </list>
/// </summary>
internal static class CommonWordGuard
{
    /// <summary>Whether the one-word <paramref name="surface"/> may match at tokens[<paramref name="index"/>].</summary>
    public static bool Accepts(GazetteerSurface surface, string text, IReadOnlyList<Token> tokens, int index)
    {
        if (TouchesCapitalisedWord(text, tokens, index))
            return false;
        if (!surface.IsCommonWord)
            return true;

        var token = tokens[index].AsSpan(text);
        if (TokenFolding.IsAllLowercase(token))
            return false;
        if (TokenFolding.IsAllCapitals(token))
            return true;
        return !IsSentenceInitial(text, tokens, index) && !FollowsCommonNounDeterminer(text, tokens, index);
    }

    /// <summary>Whether two tokens belong to one name's reach: the same sentence, no line break between them.</summary>
    public static bool AreAdjacent(string text, Token left, Token right) =>
        left.SentenceIndex == right.SentenceIndex && !text.AsSpan(left.End, right.Start - left.End).Contains('\n');

    private static bool TouchesCapitalisedWord(string text, IReadOnlyList<Token> tokens, int index)
    {
        var current = tokens[index];
        if (index + 1 < tokens.Count && AreAdjacent(text, current, tokens[index + 1]) && IsNamePart(text, tokens[index + 1]))
            return true;
        return index > 0 && AreAdjacent(text, tokens[index - 1], current) && IsNamePart(text, tokens[index - 1])
            && !IsSentenceInitial(text, tokens, index - 1);
    }

    /// <summary>A capitalised word that could belong to a name: not an elided article, an abbreviation or a title.</summary>
    private static bool IsNamePart(string text, Token token)
    {
        var span = token.AsSpan(text);
        if (token.Kind != TokenKind.Word || span.Length < 2 || !TokenFolding.StartsUpper(span) || FrenchElisions.IsElidedToken(span) || span[^1] == '.')
            return false;
        return !FrenchTitles.IsAbbreviatedTitle(span);
    }

    private static bool IsSentenceInitial(string text, IReadOnlyList<Token> tokens, int index)
    {
        if (index == 0)
            return true;
        var current = tokens[index];
        var previous = tokens[index - 1];
        if (previous.SentenceIndex != current.SentenceIndex)
            return true;
        if (text.AsSpan(previous.End, current.Start - previous.End).Contains('\n'))
            return true;
        if (FrenchPunctuation.OpensClause(previous.AsSpan(text)))
            return true;

        // An elided article that itself opens the sentence ("L'Orange…") leaves the name sentence-initial too.
        return previous.Kind == TokenKind.Word && FrenchElisions.IsElidedToken(previous.AsSpan(text)) && IsSentenceInitial(text, tokens, index - 1);
    }

    private static bool FollowsCommonNounDeterminer(string text, IReadOnlyList<Token> tokens, int index)
    {
        if (index == 0 || tokens[index - 1].SentenceIndex != tokens[index].SentenceIndex)
            return false;
        return FrenchFunctionWords.CommonNounDeterminers.Contains(tokens[index - 1].AsSpan(text));
    }
}
