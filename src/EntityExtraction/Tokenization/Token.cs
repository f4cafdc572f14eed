namespace EntityExtraction.Tokenization;

/// <summary>
/// A token: a span of the caller's original string. <see cref="Start"/> and <see cref="Length"/> are
/// UTF-16 indices, so <c>text.Substring(Start, Length)</c> is exactly the token's text.
/// </summary>
/// <param name="Start">UTF-16 index of the first character in the original string.</param>
/// <param name="Length">Number of UTF-16 code units.</param>
/// <param name="Kind">The token's category.</param>
/// <param name="SentenceIndex">Zero-based index of the sentence the token belongs to.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind, int SentenceIndex)
{
    /// <summary>UTF-16 index just past the token's last character (exclusive end).</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>, without allocating.</summary>
    /// <param name="text">The string the token was produced from.</param>
    public ReadOnlySpan<char> AsSpan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan(Start, Length);
    }

    /// <summary>The token's text as a new string.</summary>
    /// <param name="text">The string the token was produced from.</param>
    public string GetText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}
