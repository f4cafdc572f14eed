using System.Text;

namespace EntityExtraction.Cli;

/// <summary>
/// Reads a command's text input from a file or standard input, as strict UTF-8: a byte sequence that is not UTF-8 (a
/// Latin-1 file) is an error naming its offset, not text silently changed to U+FFFD.
/// </summary>
internal static class InputText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            if (!Console.IsInputRedirected)
                Console.Error.WriteLine("Reading French text from the terminal: end it with Ctrl-D (or give a FILE; --help for more).");
            using var stdin = Console.OpenStandardInput();
            using var copy = new MemoryStream();
            stdin.CopyTo(copy);
            return Decode(copy.GetBuffer().AsSpan(0, (int)copy.Length), "standard input");
        }
        CheckFile(path, "Input file");
        return Decode(File.ReadAllBytes(path), $"'{path}'");
    }

    /// <summary>A file that does not exist or is a directory, said in those words.</summary>
    public static void CheckFile(string path, string what)
    {
        if (Directory.Exists(path))
            throw new FileNotFoundException($"{what} '{path}' is a directory, not a file.", path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{what} '{path}' does not exist.", path);
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{source} is not UTF-8: invalid byte 0x{bytes[e.Index]:X2} at offset {e.Index:N0}. Convert it first, e.g. iconv -f latin1 -t utf-8.");
        }
    }
}
