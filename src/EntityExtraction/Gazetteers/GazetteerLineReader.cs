using System.Text;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// Reads the lines of a gazetteer file with the limits a careless or hostile file needs: a line longer than
/// <see cref="MaxLineLength"/> (a binary file, <c>/dev/zero</c>, a file without line breaks) and bytes that are not
/// UTF-8 (a Latin-1 file) are errors naming the line, instead of an out-of-memory failure or names silently
/// changed to U+FFFD.
/// </summary>
internal static class GazetteerLineReader
{
    /// <summary>The longest line accepted, in UTF-16 code units for text and in bytes for files.</summary>
    public const int MaxLineLength = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lines of a UTF-8 stream (a leading byte-order mark is skipped), numbered from 1.</summary>
    public static IEnumerable<(int Number, string Text)> ReadUtf8(Stream stream, string sourceName)
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
                    yield return (number, Decode(line, sourceName, number));
                    line.Clear();
                    number++;
                }
                else
                {
                    if (line.Count >= MaxLineLength) throw TooLong(sourceName, number, "bytes");
                    line.Add(buffer[i]);
                }
            }
        }
        if (line.Count > 0) yield return (number, Decode(line, sourceName, number));
    }

    /// <summary>The lines of already decoded text, numbered from 1.</summary>
    public static IEnumerable<(int Number, string Text)> Read(TextReader reader, string sourceName)
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
                if (line.Length >= MaxLineLength) throw TooLong(sourceName, number, "characters");
                line.Append((char)c);
            }
        }
        if (line.Length > 0) yield return (number, WithoutCarriageReturn(line.ToString()));
    }

    private static string Decode(List<byte> line, string sourceName, int number)
    {
        try
        {
            return WithoutCarriageReturn(StrictUtf8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line)));
        }
        catch (DecoderFallbackException e)
        {
            string bytes = e.BytesUnknown is { Length: > 0 } unknown ? " (" + string.Join(" ", unknown.Select(b => $"0x{b:X2}")) + ")" : string.Empty;
            throw new GazetteerFormatException(sourceName, number,
                $"invalid UTF-8 at byte {e.Index + 1} of the line{bytes}; save the file as UTF-8");
        }
    }

    private static string WithoutCarriageReturn(string line) => line.EndsWith('\r') ? line[..^1] : line;

    private static GazetteerFormatException TooLong(string sourceName, int number, string unit) =>
        new(sourceName, number, $"line longer than {MaxLineLength:N0} {unit}: not a gazetteer TSV file?");
}
