using EntityExtraction.Tokenization;

namespace EntityExtraction.Pipeline;

/// <summary>
/// The blocks of a stream that the document-level stage sees at once. A stream has no end, so its vote and mention
/// copies cannot wait for it: the window joins the tagged blocks it holds into one document, runs
/// <see cref="DocumentResolver"/> over it, and returns the entities of the oldest blocks not yet returned; the blocks
/// before them stay as context, up to a number, and older ones are dropped. Each block is tagged once; only the
/// document stage, linear and a few percent of the work, runs again over the blocks a later window still holds.
/// </summary>
/// <param name="withOutsideProbabilities">The blocks' evidence holds the model's per-token probabilities.</param>
/// <param name="dropped">Given each block the window no longer needs, so that its lists can serve again.</param>
internal sealed class ResolutionWindow(bool withOutsideProbabilities, Action<TextBlock> dropped)
{
    private readonly List<TextBlock> _blocks = [];

    // The window's document, rebuilt at each resolution in storage kept from one to the next: a stream's windows are
    // each several megabytes, and allocating them anew left the large-object heap fragmented.
    private char[] _text = [];
    private readonly List<Token> _tokens = [];
    private readonly DocumentEvidence _evidence = new();
    private readonly List<MergedEntity> _resolved = [];
    private int _returned;
    private long _returnedEnd;

    /// <summary>Blocks whose entities are still to be returned.</summary>
    public int Unreturned => _blocks.Count - _returned;

    public void Add(TextBlock block) => _blocks.Add(block);

    /// <summary>
    /// Resolves the window as one document and appends to <paramref name="output"/> the entities that start in the
    /// next <paramref name="count"/> unreturned blocks (never one overlapping an entity already returned), then keeps
    /// at most <paramref name="keepBehind"/> returned blocks.
    /// </summary>
    /// <returns>The window's text, which the offsets of <paramref name="output"/> index (valid until the next
    /// resolution), its stream offset, and the stream offset where the blocks returned so far end: no entity will come
    /// before it.</returns>
    public (ReadOnlyMemory<char> Text, long StreamStart, long ReturnedEnd) Resolve(int count, int keepBehind, List<MergedEntity> output)
    {
        int chars = 0, tokenCount = 0, from = 0, to = 0;
        for (int b = 0; b < _blocks.Count; b++)
        {
            if (b == _returned) from = chars;
            chars += _blocks[b].Length;
            tokenCount += _blocks[b].Tokens.Count;
            if (b == _returned + count - 1) to = chars;
        }
        if (_returned + count >= _blocks.Count) to = chars;

        if (_text.Length < chars)
            _text = new char[Math.Max(chars, 2 * _text.Length)];
        var text = _text.AsMemory(0, chars);
        var tokens = _tokens;
        var evidence = _evidence;
        tokens.Clear();
        tokens.EnsureCapacity(tokenCount);
        evidence.Reset(tokenCount, withOutsideProbabilities);
        int offset = 0, sentences = 0;
        foreach (var block in _blocks)
        {
            // A block cut inside a sentence (a text without sentence ends) goes on with the sentence before it.
            int shift = block.ContinuesSentence && sentences > 0 ? sentences - 1 : sentences;
            block.Text.AsSpan(0, block.Length).CopyTo(_text.AsSpan(offset));
            evidence.AppendShifted(block.Evidence, offset, tokens.Count);
            foreach (var token in block.Tokens)
                tokens.Add(token with { Start = token.Start + offset, SentenceIndex = token.SentenceIndex + shift });
            if (block.Tokens.Count > 0) sentences = shift + block.SentenceCount;
            offset += block.Length;
        }

        var resolved = _resolved;
        resolved.Clear();
        DocumentResolver.Resolve(text.Span, tokens, evidence, resolved);
        long streamStart = _blocks[0].StreamStart;
        foreach (var entity in resolved)
        {
            if (entity.Start < from || entity.Start >= to || streamStart + entity.Start < _returnedEnd) continue;
            output.Add(entity);
            _returnedEnd = streamStart + entity.End;
        }

        _returned = Math.Min(_returned + count, _blocks.Count);
        int drop = _returned - keepBehind;
        if (drop > 0)
        {
            for (int b = 0; b < drop; b++)
                dropped(_blocks[b]);
            _blocks.RemoveRange(0, drop);
            _returned -= drop;
        }
        return (text, streamStart, streamStart + to);
    }
}
