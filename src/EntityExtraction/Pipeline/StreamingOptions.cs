namespace EntityExtraction.Pipeline;

/// <summary>
/// The sizes of <see cref="FrenchEntityExtractor.ExtractAsync(TextReader, CancellationToken)"/>: how a stream is cut
/// into blocks and how many blocks the document-level stage sees at once. The defaults are the documented ones; tests
/// give small blocks so that a few sentences exercise the cutting and the sliding window.
/// </summary>
/// <param name="BlockChars">A block ends at the first sentence boundary at or after this many characters.</param>
/// <param name="LookbehindBlocks">Blocks already returned that stay in the window, so that the vote of the next ones
/// still sees what came before them.</param>
/// <param name="StrideBlocks">Blocks whose entities one resolution of the window returns.</param>
/// <param name="LookaheadBlocks">Blocks read past those, at least, before they are resolved.</param>
/// <param name="MarginChars">Text read past a candidate cut before it is trusted: the tokenizer decides a sentence
/// boundary on the token after it and a scanner may look a little further (numbers, e-mail addresses).</param>
/// <param name="MaxStreamChars">The longest stream: <see cref="Entity.Start"/> is an <see cref="int"/>.</param>
/// <param name="HardCapOverride">The hard cap, when not twice the block size (tests: small blocks, long sentences).</param>
internal sealed record StreamingOptions(
    int BlockChars = StreamingOptions.DefaultBlockChars,
    int LookbehindBlocks = 4,
    int StrideBlocks = 4,
    int LookaheadBlocks = 4,
    int MarginChars = 1024,
    long MaxStreamChars = int.MaxValue,
    int HardCapOverride = 0)
{
    /// <summary>64 K characters: about 12,000 tokens of news text, three tagging chunks.</summary>
    public const int DefaultBlockChars = 1 << 16;

    public static StreamingOptions Default { get; } = new();

    /// <summary>A block with no sentence boundary (a text without sentence ends) is cut at this length.</summary>
    public int HardCapChars => HardCapOverride > 0 ? HardCapOverride : 2 * BlockChars;

    /// <summary>The text the reader holds before it cuts a block: the hard cap and the margin past it.</summary>
    public int FillChars => HardCapChars + MarginChars;

    /// <summary>Unreturned blocks that make the window resolve: the stride, the lookahead and one more, so that a
    /// stream of at most <see cref="StrideBlocks"/> + <see cref="LookaheadBlocks"/> blocks is one document.</summary>
    public int BlocksBeforeResolving => StrideBlocks + LookaheadBlocks + 1;
}
