using System.Text;

namespace EntityExtraction.Cli;

/// <summary>
/// Reads a command's text input from a file or standard input, as strict UTF-8: a byte sequence that is not UTF-8 (a
/// Latin-1 file) is an error naming its offset, not text silently changed to U+FFFD.
/// </summary>
internal static class InputText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The default of <c>--max-input-mb</c>: the largest text, or JSONL record, a verb reads.</summary>
    public const int DefaultMaxInputMegabytes = 256;

    /// <summary>The <c>--max-input-mb</c> option of the verbs that read text.</summary>
    public static System.CommandLine.Option<int> MaxInputOption() => new("--max-input-mb")
    {
        Description = $"The largest input text (or JSONL record) read, in MB; larger input is refused instead of filling the memory (default {DefaultMaxInputMegabytes}).",
        DefaultValueFactory = _ => DefaultMaxInputMegabytes,
    };

    /// <summary>The limit in bytes, checked: a usage error when not positive or beyond what a .NET string holds.</summary>
    public static int MaxInputBytes(int megabytes) => megabytes is > 0 and <= 1024
        ? megabytes << 20
        : throw new OptionException($"--max-input-mb must be between 1 and 1024 (got {megabytes}).");

    public static string Read(string? path, int maxBytes = DefaultMaxInputMegabytes << 20)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            if (!Console.IsInputRedirected)
                Console.Error.WriteLine("Reading French text from the terminal: end it with Ctrl-D (or give a FILE; --help for more).");
            using var stdin = Console.OpenStandardInput();
            return Decode(ReadAtMost(stdin, maxBytes, "standard input"), "standard input");
        }
        CheckFile(path, "Input file");
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Decode(ReadAtMost(file, maxBytes, $"'{path}'"), $"'{path}'");
    }

    // Reads until the end or one byte past the limit: /dev/zero and endless pipes report no length, so the limit is
    // checked on what is read, not on a declared size.
    private static ReadOnlySpan<byte> ReadAtMost(Stream stream, int maxBytes, string source)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
                throw new InvalidDataException($"{source} is larger than {maxBytes >> 20:N0} MB; split it, or raise --max-input-mb.");
            copy.Write(buffer, 0, read);
        }
        return copy.GetBuffer().AsSpan(0, (int)copy.Length);
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
