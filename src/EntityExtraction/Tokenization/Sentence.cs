namespace EntityExtraction.Tokenization;

/// <summary>A sentence: a span of the original text and the run of tokens it covers.</summary>
/// <param name="Start">UTF-16 index of the sentence's first token.</param>
/// <param name="Length">UTF-16 length from the first token's start to the last token's end.</param>
/// <param name="FirstToken">Index of the sentence's first token in the token list.</param>
/// <param name="TokenCount">Number of tokens in the sentence (at least 1).</param>
public readonly record struct Sentence(int Start, int Length, int FirstToken, int TokenCount)
{
    /// <summary>UTF-16 index just past the sentence's last character (exclusive end).</summary>
    public int End => Start + Length;
}
