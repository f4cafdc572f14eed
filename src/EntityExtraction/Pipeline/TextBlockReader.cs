using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Pipeline;

/// <summary>
/// Cuts the text of a <see cref="TextReader"/> into <see cref="TextBlock"/>s of whole sentences. It holds at most
/// <see cref="StreamingOptions.FillChars"/> characters read ahead, tokenizes them, and cuts at the first sentence
/// boundary at or after <see cref="StreamingOptions.BlockChars"/>: a boundary where the next sentence's first token
/// follows a separator, so that tokenizing the rest on its own gives the tokens the whole text gives. The block keeps
/// the tokens of that pass, which saw the text after the cut.
/// <para>A sentence still running at the hard cap (twice the block size: a text without sentence ends) is cut at a
/// boundary of the 1,000-token pieces the model tags it in, so the model's results do not change; failing that (tokens
/// of hundreds of characters) between two tokens; and a single token longer than the cap, between two code points,
/// never inside a surrogate pair.</para>
/// </summary>
internal sealed class TextBlockReader(TextReader reader, StreamingOptions options)
{
    private readonly char[] _buffer = new char[options.FillChars];
    private readonly char[] _probe = new char[1];
    private int _count;
    private long _bufferStart;
    private bool _ended;
    private bool _continuesSentence;

    // The lists of blocks the window dropped, to be filled again: a block's tokens are a large object.
    private readonly Stack<List<Token>> _tokenLists = new();
    private readonly Stack<DocumentEvidence> _evidence = new();

    /// <summary>The stream went on past <see cref="StreamingOptions.MaxStreamChars"/>; the blocks stop there.</summary>
    public bool StreamTooLong { get; private set; }

    /// <summary>The stream has no text left: the last block was returned.</summary>
    public bool AtEnd => _ended && _count == 0;

    /// <summary>The next block, tokenized; null at the end of the stream.</summary>
    public async ValueTask<TextBlock?> ReadAsync(StageTimings? timings, CancellationToken cancellationToken)
    {
        // Most blocks end at the first sentence end past the block size, a few hundred characters on: the text is read
        // to a little past it and tokenized, and only a sentence still running there makes the reader go to the cap.
        await FillAsync(options.FirstFillChars, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (_count == 0)
                return null;
            long since = timings is null ? 0 : StageTimings.Now;
            string text = new(_buffer, 0, _count);
            var tokens = _tokenLists.TryPop(out var spare) ? spare : new List<Token>(_count / 5 + 8);
            tokens.Clear();
            FrenchTokenizer.Default.Tokenize(text, tokens);
            // At the end of the stream the rest is the last block, unless it is longer than a block may be.
            (int Cut, bool MidSentence)? cut = _ended && _count <= options.HardCapChars && tokens.Count <= options.MaxBlockTokens
                ? (_count, false)
                : FindCut(text, tokens, full: _ended || _count >= options.FillChars);
            timings?.AddTokenize(since);
            if (cut is null)
            {
                _tokenLists.Push(tokens);
                await FillAsync(options.FillChars, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var (length, midSentence) = cut.Value;

            var block = new TextBlock(text, length, tokens, _bufferStart, _continuesSentence);
            _buffer.AsSpan(length, _count - length).CopyTo(_buffer);
            _count -= length;
            _bufferStart += length;
            _continuesSentence = midSentence;
            return block;
        }
    }

    /// <summary>Evidence lists for a block of <paramref name="tokenCount"/> tokens, from a dropped block if any.</summary>
    public DocumentEvidence TakeEvidence(int tokenCount, bool withOutsideProbabilities)
    {
        if (!_evidence.TryPop(out var evidence))
            return new DocumentEvidence(tokenCount, withOutsideProbabilities);
        evidence.Reset(tokenCount, withOutsideProbabilities);
        return evidence;
    }

    /// <summary>Keeps the lists of a block no longer needed for the blocks to come.</summary>
    public void Recycle(TextBlock block)
    {
        _tokenLists.Push(block.Tokens);
        _evidence.Push(block.Evidence);
    }

    private async ValueTask FillAsync(int target, CancellationToken cancellationToken)
    {
        while (!_ended && _count < target)
        {
            long allowed = options.MaxStreamChars - (_bufferStart + _count);
            if (allowed <= 0)
            {
                // At the longest stream an Entity can index: one more character means the stream is too long.
                StreamTooLong = await reader.ReadAsync(_probe, cancellationToken).ConfigureAwait(false) > 0;
                _ended = true;
                break;
            }
            // No more than the target: a block's string stays under the large-object threshold (85,000 bytes) at the
            // default size, so the strings of the blocks that come and go are collected young.
            int room = (int)Math.Min(target - _count, allowed);
            int read = await reader.ReadAsync(_buffer.AsMemory(_count, room), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                _ended = true;
            _count += read;
        }
    }

    /// <summary>
    /// Where the block ends in <paramref name="text"/>, and whether that is inside a sentence; removes the tokens past
    /// the cut from <paramref name="tokens"/>. A cut needs <see cref="StreamingOptions.MarginChars"/> of text after it,
    /// and comes before the hard cap: <see cref="StreamingOptions.HardCapChars"/> characters or
    /// <see cref="StreamingOptions.MaxBlockTokens"/> tokens. Without a sentence boundary before it, null, unless
    /// <paramref name="full"/> (the text holds <see cref="StreamingOptions.FillChars"/> characters) or the tokens
    /// reach their cap: then the cut of a sentence longer than the cap.
    /// </summary>
    private (int Cut, bool MidSentence)? FindCut(string text, List<Token> tokens, bool full)
    {
        bool manyTokens = tokens.Count > options.MaxBlockTokens;
        int cap = manyTokens ? Math.Min(options.HardCapChars, tokens[options.MaxBlockTokens].Start) : options.HardCapChars;
        int last = Math.Min(cap, text.Length - (_ended ? 0 : options.MarginChars));
        for (int i = FirstTokenFrom(tokens, options.BlockChars); i < tokens.Count && tokens[i].Start <= last; i++)
        {
            if (tokens[i].SentenceIndex != tokens[i - 1].SentenceIndex && FrenchTokenizer.IsSeparator(text[tokens[i].Start - 1]))
                return Keep(tokens, i, midSentence: false);
        }
        return full || manyTokens ? CutLongSentence(text, tokens, last) : null;
    }

    /// <summary>The cut of a text whose sentence runs past <paramref name="cap"/> (a position with the margin after it).</summary>
    private static (int Cut, bool MidSentence) CutLongSentence(string text, List<Token> tokens, int cap)
    {
        int last = FirstTokenFrom(tokens, cap + 1) - 1;
        if (last > 0)
        {
            int origin = last;
            while (origin > 0 && tokens[origin - 1].SentenceIndex == tokens[last].SentenceIndex)
                origin--;
            int piece = origin + (last - origin) / NerModel.MaxSentenceTokens * NerModel.MaxSentenceTokens;
            return piece > 0 ? Keep(tokens, piece, midSentence: piece != origin) : Keep(tokens, last, midSentence: true);
        }

        // No token starts between the first and the cap: one token (or separators) runs past it.
        int cut = cap;
        if (char.IsHighSurrogate(text[cut - 1]) && char.IsLowSurrogate(text[cut]))
            cut--;
        if (tokens.Count > 0 && tokens[0].Start < cut)
        {
            var whole = tokens[0];
            tokens.Clear();
            tokens.Add(whole with { Length = Math.Min(whole.Length, cut - whole.Start) });
        }
        else
        {
            tokens.Clear();
        }
        return (cut, true);
    }

    private static (int Cut, bool MidSentence) Keep(List<Token> tokens, int count, bool midSentence)
    {
        int cut = tokens[count].Start;
        tokens.RemoveRange(count, tokens.Count - count);
        return (cut, midSentence);
    }

    /// <summary>The index of the first token that starts at or after <paramref name="position"/>, at least 1.</summary>
    private static int FirstTokenFrom(List<Token> tokens, int position)
    {
        int low = 1, high = tokens.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (tokens[middle].Start < position) low = middle + 1;
            else high = middle;
        }
        return Math.Min(low, Math.Max(tokens.Count, 1));
    }
}
