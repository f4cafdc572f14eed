using EntityExtraction.Tokenization;

namespace EntityExtraction.Pipeline;

/// <summary>
/// One block of a stream: <see cref="Text"/>[0..<see cref="Length"/>) is the stream's text from
/// <see cref="StreamStart"/> on, whole sentences (or, in a sentence longer than the hard cap, whole pieces of one),
/// with its tokens and, once tagged, the model's and the gazetteers' evidence, all in the block's own coordinates.
/// </summary>
/// <param name="Text">Holds the block's text at its start; may go on past <see cref="Length"/> (the text read after
/// it, which the tokenizer saw to place the cut).</param>
/// <param name="Length">The block's length in UTF-16 code units.</param>
/// <param name="Tokens">The block's tokens; sentence indices from 0.</param>
/// <param name="StreamStart">The stream offset of the block's first character.</param>
/// <param name="ContinuesSentence">The block's first sentence began in the block before (a cut by the hard cap).</param>
internal sealed record TextBlock(string Text, int Length, List<Token> Tokens, long StreamStart, bool ContinuesSentence)
{
    /// <summary>What tagging the block found; set before the block enters the window.</summary>
    public DocumentEvidence Evidence { get; set; } = null!;

    public int SentenceCount => Tokens.Count == 0 ? 0 : Tokens[^1].SentenceIndex + 1;
}
