namespace EntityExtraction.Tokenization;

/// <summary>
/// Splits French text into tokens and sentences. Thread-safe; use <see cref="Default"/>.
/// </summary>
public sealed class FrenchTokenizer
{
    /// <summary>The shared tokenizer instance.</summary>
    public static FrenchTokenizer Default { get; } = new();

    /// <summary>Tokenizes <paramref name="text"/>.</summary>
    /// <param name="text">The text; offsets of the returned tokens index into it.</param>
    /// <returns>The tokens in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/>, appending to <paramref name="destination"/> so callers can
    /// reuse one list across documents without allocating.
    /// </summary>
    /// <param name="text">The text; offsets of the tokens index into it.</param>
    /// <param name="destination">The list the tokens are appended to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Tokenize(string text, List<Token> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(destination);

        // Placeholder segmentation: whitespace-separated runs, punctuation split off.
        int sentence = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            int start = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-')) i++;
                if (i < text.Length && (text[i] == '\'' || text[i] == '’')) i++;
                destination.Add(new Token(start, i - start, char.IsDigit(text[start]) ? TokenKind.Number : TokenKind.Word, sentence));
            }
            else
            {
                i++;
                destination.Add(new Token(start, 1, char.IsPunctuation(text[start]) ? TokenKind.Punctuation : TokenKind.Symbol, sentence));
                if (text[start] is '.' or '!' or '?') sentence++;
            }
        }
    }
}
