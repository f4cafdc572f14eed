namespace EntityExtraction.Cli.Output;

/// <summary>
/// A reader that keeps what it passes on until it is taken: the pretty output of a streamed text writes the text
/// the extractor read, up to each entity as it comes. Holds the text between the last place written and the
/// extractor's reading position, which the extractor's window bounds.
/// </summary>
internal sealed class TextTee(TextReader inner) : TextReader
{
    private char[] _kept = new char[1 << 16];
    private int _head;
    private int _count;
    private long _position;

    /// <summary>The last character read, or -1 before any.</summary>
    public int LastCharacter { get; private set; } = -1;

    public override int Read(Span<char> buffer)
    {
        int read = inner.Read(buffer);
        Keep(buffer[..read]);
        return read;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span[..read]);
        return read;
    }

    /// <summary>The kept text from where the last take ended up to the stream offset <paramref name="end"/>, no
    /// longer kept; empty when <paramref name="end"/> is not past it. Valid until the next read.</summary>
    public ReadOnlySpan<char> Take(long end)
    {
        int count = (int)Math.Clamp(end - _position, 0, _count);
        var taken = _kept.AsSpan(_head, count);
        _head += count;
        _count -= count;
        _position += count;
        return taken;
    }

    /// <summary>All the kept text.</summary>
    public ReadOnlySpan<char> TakeRest() => Take(_position + _count);

    private void Keep(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        if (_head + _count + chars.Length > _kept.Length)
        {
            var target = _count + chars.Length > _kept.Length / 2 ? new char[Math.Max(2 * _kept.Length, _count + chars.Length)] : _kept;
            Array.Copy(_kept, _head, target, 0, _count);
            _kept = target;
            _head = 0;
        }
        chars.CopyTo(_kept.AsSpan(_head + _count));
        _count += chars.Length;
        LastCharacter = chars[^1];
    }
}

/// <summary>
/// The pretty output of a streamed text: the legend, the text written as the extractor returns its entities (each
/// highlighted), and the summary table, gathered entity by entity, at the end.
/// </summary>
internal sealed class PrettyTextStream(PrettyEntityWriter pretty, TextWriter writer)
{
    private readonly EntitySummary _summary = new();
    private bool _started;

    /// <summary>Writes the text up to <paramref name="entity"/>, then the entity highlighted.</summary>
    public void Add(Entity entity, TextTee text)
    {
        Start();
        pretty.WriteEntity(text.Take(entity.Start), entity);
        text.Take(entity.End);
        _summary.Add(entity);
    }

    /// <summary>Writes the text up to <paramref name="end"/>, before which no entity will come.</summary>
    public void WriteUpTo(long end, TextTee text)
    {
        Start();
        pretty.WriteText(text.Take(end));
    }

    /// <summary>Writes the rest of the text and the summary table.</summary>
    public void Finish(TextTee text)
    {
        Start();
        pretty.WriteText(text.TakeRest());
        pretty.EndText(text.LastCharacter);
        writer.WriteLine();
        pretty.WriteSummary(_summary);
        writer.Flush();
    }

    // The legend comes with the first text written, so that an input refused on its first read (not UTF-8) leaves
    // the output empty.
    private void Start()
    {
        if (_started) return;
        _started = true;
        pretty.WriteLegend();
    }
}
