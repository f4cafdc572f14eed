namespace EntityExtraction.Tokenization;

/// <summary>
/// Splits French text into tokens and sentences in one linear pass, with exact UTF-16 offsets into the
/// caller's string. Stateless and thread-safe; use <see cref="Default"/>.
/// </summary>
/// <remarks>
/// Only <see cref="IsSeparator"/> characters lie between tokens; every other character belongs to exactly one
/// token. Elisions are split off (<c>l'</c> | <c>AI</c>), hyphenated compounds stay whole except for inverted
/// subject pronouns (<c>a</c> | <c>-t-il</c>), abbreviations and initials keep their period, numbers, URLs,
/// e-mail addresses, @mentions and #hashtags are single tokens. The full rules are in <c>docs/tokenizer.md</c>.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "Tokenizing is an operation of a tokenizer instance (Default), so that options can come later without breaking callers.")]
public sealed class FrenchTokenizer
{
    private FrenchTokenizer()
    {
    }

    /// <summary>The tokenizer: it holds no state, so one instance serves every thread.</summary>
    public static FrenchTokenizer Default { get; } = new();

    /// <summary>
    /// The tokenizer's definition of whitespace: <see cref="char.IsWhiteSpace(char)"/> (which includes the
    /// no-break spaces U+00A0 and U+202F) plus the zero-width space U+200B and the byte-order mark U+FEFF.
    /// These and only these characters lie between tokens.
    /// </summary>
    /// <param name="c">The character to test.</param>
    /// <returns>True when <paramref name="c"/> separates tokens.</returns>
    public static bool IsSeparator(char c) => CharClassifier.IsSeparator(c);

    /// <summary>Tokenizes <paramref name="text"/>.</summary>
    /// <param name="text">The text; offsets of the returned tokens index into it.</param>
    /// <returns>The tokens in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        TokenScanner.Scan(text, tokens);
        return tokens;
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/>, appending to <paramref name="destination"/> so callers can
    /// reuse one collection across documents without allocating. Sentence indices restart at 0 for each call.
    /// </summary>
    /// <param name="text">The text; offsets of the tokens index into it.</param>
    /// <param name="destination">The collection the tokens are appended to, in text order; a
    /// <see cref="List{T}"/> is filled directly.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Tokenize(string text, ICollection<Token> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination is List<Token> list)
        {
            TokenScanner.Scan(text, list);
            return;
        }
        var tokens = new List<Token>(text.Length / 5 + 4);
        TokenScanner.Scan(text, tokens);
        foreach (var token in tokens) destination.Add(token);
    }

    /// <summary>The allocation-free path for the library's own lists (overload resolution prefers it to the public one).</summary>
    internal void Tokenize(string text, List<Token> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(destination);
        TokenScanner.Scan(text, destination);
    }

    /// <summary>Groups tokens produced by one <see cref="Tokenize(string)"/> call into sentences.</summary>
    /// <param name="tokens">Tokens of one text, in order, as returned by the tokenizer.</param>
    /// <returns>One <see cref="Sentence"/> per sentence index, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is null.</exception>
    /// <exception cref="ArgumentException">The tokens' sentence indices are not 0, 1, 2… in order.</exception>
    public static IReadOnlyList<Sentence> GetSentences(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        int first = 0;
        for (int i = 1; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && tokens[i].SentenceIndex == tokens[first].SentenceIndex) continue;
            if (tokens[first].SentenceIndex != sentences.Count)
                throw new ArgumentException($"Token {first} has sentence index {tokens[first].SentenceIndex}, expected {sentences.Count}: the tokens do not come from one Tokenize call.", nameof(tokens));
            sentences.Add(new Sentence(tokens[first].Start, tokens[i - 1].End - tokens[first].Start, first, i - first));
            first = i;
        }
        return sentences;
    }
}
