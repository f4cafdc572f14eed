using EntityExtraction.Language;
using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Pseudonymization;

/// <summary>
/// For informal text that writes names in lower case ("j'ai vu jean dupont hier"): a copy of the text, of the same
/// length, where a known first name that is not a common French word, and the word after it when that is not a common
/// word either (its surname), are capitalised, so that the model, which reads capitals, sees them. Offsets into the copy
/// are offsets into the original.
/// </summary>
internal static class InformalRecaser
{
    public static string Recase(string text, IReadOnlyList<Token> tokens, PersonNameLexicon names, Func<string, LexiconFlags> wordFlags)
    {
        char[]? copy = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!IsLowerWord(text, token)) continue;
            string word = token.GetText(text);
            bool common = (wordFlags(word) & LexiconFlags.CommonWord) != 0;
            if (names.IsFirstName(word))
            {
                // A first name that is also a word ("jean", "rose") counts only before a surname.
                bool surnameFollows = i + 1 < tokens.Count && IsLowerWord(text, tokens[i + 1]) && tokens[i + 1].SentenceIndex == token.SentenceIndex
                    && IsSurnameLike(tokens[i + 1].GetText(text), names, wordFlags);
                if (surnameFollows || !common)
                    Capitalise(ref copy, text, token);
                if (surnameFollows)
                    Capitalise(ref copy, text, tokens[++i]);
                continue;
            }
            // A word French does not know is most often a name ("trstenjak"): the model decides which kind.
            if (!common && IsLetters(word))
                Capitalise(ref copy, text, token);
        }
        return copy is null ? text : new string(copy);
    }

    private static bool IsSurnameLike(string word, PersonNameLexicon names, Func<string, LexiconFlags> wordFlags) =>
        !FrenchFunctionWords.NameConnectors.Contains(word) && !FrenchElisions.IsElidedToken(word)
        && ((wordFlags(word) & LexiconFlags.CommonWord) == 0 || names.IsSurname(word));

    private static bool IsLetters(string word) => word.All(char.IsLetter);

    private static bool IsLowerWord(string text, Token token) => token.Kind == TokenKind.Word && token.Length >= 2 && char.IsLower(text[token.Start]);

    private static void Capitalise(ref char[]? copy, string text, Token token)
    {
        copy ??= text.ToCharArray();
        // One UTF-16 unit for another: the copy keeps every offset of the original.
        char upper = char.ToUpperInvariant(text[token.Start]);
        copy[token.Start] = char.IsSurrogate(upper) ? text[token.Start] : upper;
    }
}
