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
    int StrideBlocks = 16,
    int LookaheadBlocks = 4,
    int MarginChars = 1024,
    long MaxStreamChars = int.MaxValue,
    int HardCapOverride = 0)
{
    /// <summary>16 K characters: about 3,000 tokens of news text. The window's memory is proportional to it: 32 K
    /// blocks doubled the collector's heap on a long stream (about 90 MB committed against 45).</summary>
    public const int DefaultBlockChars = 1 << 14;

    public static StreamingOptions Default { get; } = new();

    /// <summary>320 K characters: a text no longer is resolved as one document with the default sizes (its blocks,
    /// each at least <see cref="DefaultBlockChars"/> long but the last, are at most <see cref="BlocksBeforeResolving"/>).</summary>
    public const int DefaultOneDocumentChars = 20 * DefaultBlockChars;

    /// <summary>A sentence is also cut at this many tokens, a quarter of the hard cap in characters (8,192; prose
    /// reaches the length first): a block's memory follows its tokens, and a text of one-character tokens
    /// (<c>/dev/zero</c>) has five times those of prose.</summary>
    public int MaxBlockTokens => HardCapChars / 4;

    /// <summary>A block with no sentence boundary (a text without sentence ends) is cut at this length.</summary>
    public int HardCapChars => HardCapOverride > 0 ? HardCapOverride : 2 * BlockChars;

    /// <summary>The text the reader holds before it cuts a block at a sentence end: the block size, an eighth more
    /// (a sentence end is nearly always that close) and the margin.</summary>
    public int FirstFillChars => Math.Min(BlockChars + BlockChars / 8 + MarginChars, FillChars);

    /// <summary>The text the reader holds before it cuts a sentence longer than the hard cap: the cap and the margin.</summary>
    public int FillChars => HardCapChars + MarginChars;

    /// <summary>Unreturned blocks that make the window resolve: the stride, the lookahead and one more, so that a
    /// stream of at most <see cref="StrideBlocks"/> + <see cref="LookaheadBlocks"/> blocks is one document.</summary>
    public int BlocksBeforeResolving => StrideBlocks + LookaheadBlocks + 1;
}
