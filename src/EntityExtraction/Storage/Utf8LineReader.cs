using System.Text;

namespace EntityExtraction.Storage;

/// <summary>
/// Reads the lines of a text file (a gazetteer, JSONL records) with the limits a careless or hostile file needs: a
/// line longer than the caller's bound (a binary file, <c>/dev/zero</c>, a file without line breaks) and bytes that
/// are not UTF-8 (a Latin-1 file) are errors naming the line, made by the caller's <c>error</c> factory (line number,
/// problem), instead of an out-of-memory failure or text silently changed to U+FFFD.
/// </summary>
internal static class Utf8LineReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lines of a UTF-8 stream (a leading byte-order mark is skipped), numbered from 1; a line may
    /// hold <paramref name="maxLineBytes"/> bytes.</summary>
    public static IEnumerable<(int Number, string Text)> ReadUtf8(Stream stream, int maxLineBytes, Func<int, string, Exception> error)
    {
        var line = new List<byte>(256);
        var buffer = new byte[16 * 1024];
        int number = 1;
        bool first = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int from = 0;
            if (first && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) from = 3;
            first = false;
            for (int i = from; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    yield return (number, Decode(line, number, error));
                    line.Clear();
                    number++;
                }
                else
                {
                    if (line.Count >= maxLineBytes) throw error(number, TooLong(maxLineBytes, "bytes"));
                    line.Add(buffer[i]);
                }
            }
        }
        if (line.Count > 0) yield return (number, Decode(line, number, error));
    }

    /// <summary>The lines of already decoded text, numbered from 1; a line may hold <paramref name="maxLineChars"/> characters.</summary>
    public static IEnumerable<(int Number, string Text)> Read(TextReader reader, int maxLineChars, Func<int, string, Exception> error)
    {
        var line = new StringBuilder(256);
        int number = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                yield return (number, WithoutCarriageReturn(line.ToString()));
                line.Clear();
                number++;
            }
            else
            {
                if (line.Length >= maxLineChars) throw error(number, TooLong(maxLineChars, "characters"));
                line.Append((char)c);
            }
        }
        if (line.Length > 0) yield return (number, WithoutCarriageReturn(line.ToString()));
    }

    private static string Decode(List<byte> line, int number, Func<int, string, Exception> error)
    {
        try
        {
            return WithoutCarriageReturn(StrictUtf8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line)));
        }
        catch (DecoderFallbackException e)
        {
            string bytes = e.BytesUnknown is { Length: > 0 } unknown ? " (" + string.Join(" ", unknown.Select(b => $"0x{b:X2}")) + ")" : string.Empty;
            throw error(number, $"invalid UTF-8 at byte {e.Index + 1} of the line{bytes}; save the file as UTF-8");
        }
    }

    private static string WithoutCarriageReturn(string line) => line.EndsWith('\r') ? line[..^1] : line;

    private static string TooLong(int limit, string unit) => $"line longer than {limit:N0} {unit}";
}
