using EntityExtraction.Tokenization;

namespace EntityExtraction.Pipeline;

/// <summary>
/// The lists one <c>Extract</c> call works in — tokens, the chunks' evidence, the resolved entities — kept per thread
/// and reused by the next call on that thread. On a small virtual machine the collector's first generation is a few
/// hundred kilobytes, so the 25 KB these lists took per news article made a collection every ten articles, which
/// stops every thread: <c>ExtractMany</c> on two cores ran 1.3–1.45× faster than one thread instead of 1.8–2×
/// (docs/performance.md). A call takes the thread's scratch (a call that fails does not give it back, so a half-used
/// one is never seen again), and lists grown by a long document are dropped rather than kept.
/// </summary>
internal sealed class ExtractionScratch
{
    // Beyond this many tokens the lists are not kept: a thread that once read a book should not hold its memory.
    private const int MaxKeptTokens = 1 << 16;

    [ThreadStatic]
    private static ExtractionScratch? t_scratch;

    public List<Token> Tokens { get; } = [];

    public DocumentEvidence Evidence { get; } = new();

    public List<MergedEntity> Resolved { get; } = [];

    /// <summary>The thread's scratch, emptied, or a new one.</summary>
    public static ExtractionScratch Take()
    {
        var scratch = t_scratch;
        if (scratch is null)
            return new ExtractionScratch();
        t_scratch = null;
        return scratch;
    }

    /// <summary>Gives the scratch back to the thread, emptied, unless a long document grew it.</summary>
    public static void Return(ExtractionScratch scratch)
    {
        if (scratch.Tokens.Capacity > MaxKeptTokens)
            return;
        scratch.Tokens.Clear();
        scratch.Evidence.Clear();
        scratch.Resolved.Clear();
        t_scratch = scratch;
    }
}
