using System.Diagnostics;
using System.Text;

namespace EntityExtraction.Cli;

/// <summary>
/// A text input decoded as it is read, for the verbs that stream it: strict UTF-8 by default (an invalid byte is an
/// error naming its offset in the input, as <see cref="InputText.Read"/> says it), a leading byte-order mark skipped,
/// and, when given, a limit on the bytes read. Holds one 64 KB buffer, whatever the input's size.
/// </summary>
internal sealed class InputReader : TextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _source;
    private readonly long _maxBytes;
    private readonly Decoder _decoder;
    private readonly bool _utf8;
    private readonly byte[] _bytes = new byte[1 << 16];
    private readonly char[] _pair = new char[2];
    private int _byteStart;
    private int _byteEnd;
    private long _decoded;
    private long _read;
    private bool _ended;
    private int _held = -1;

    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="source">How errors name the input: <c>'file.txt'</c>, <c>standard input</c>.</param>
    /// <param name="maxBytes">The most bytes read; past it, <see cref="InvalidDataException"/>.</param>
    /// <param name="encoding">The input's encoding; null for strict UTF-8.</param>
    public InputReader(Stream stream, string source, long maxBytes, Encoding? encoding)
    {
        _stream = stream;
        _source = source;
        _maxBytes = maxBytes;
        _utf8 = encoding is null;
        _decoder = (encoding ?? StrictUtf8).GetDecoder();
    }

    /// <summary>The time spent reading and decoding, in <see cref="Stopwatch"/> ticks.</summary>
    public long ReadTicks { get; private set; }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        long since = Stopwatch.GetTimestamp();
        try
        {
            if (_held >= 0)
            {
                buffer[0] = (char)_held;
                _held = -1;
                return 1;
            }
            if (buffer.Length > 1) return Decode(buffer);
            // A one-character read may meet a surrogate pair, which the decoder cannot split: the second half waits.
            int count = Decode(_pair);
            if (count == 2) _held = _pair[1];
            if (count > 0) buffer[0] = _pair[0];
            return Math.Min(count, 1);
        }
        finally
        {
            ReadTicks += Stopwatch.GetTimestamp() - since;
        }
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));

    private int Decode(Span<char> buffer)
    {
        while (true)
        {
            if (_byteStart == _byteEnd && !_ended) Fill();
            int chars;
            int used;
            try
            {
                _decoder.Convert(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), buffer, flush: _ended, out used, out chars, out _);
            }
            catch (DecoderFallbackException e)
            {
                byte invalid = e.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : _bytes[_byteStart + Math.Max(e.Index, 0)];
                throw InputText.NotUtf8(_source, invalid, _decoded + e.Index);
            }
            _byteStart += used;
            _decoded += used;
            if (chars > 0 || (_ended && _byteStart == _byteEnd)) return chars;
        }
    }

    private void Fill()
    {
        _byteStart = 0;
        _byteEnd = _stream.Read(_bytes, 0, _bytes.Length);
        if (_byteEnd == 0)
        {
            _ended = true;
            return;
        }
        if (_read == 0 && _utf8 && _bytes.AsSpan(0, _byteEnd).StartsWith("\uFEFF"u8))
            _byteStart = 3;
        _read += _byteEnd;
        if (_read > _maxBytes) throw InputText.TooLarge(_source, _maxBytes);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }
}
