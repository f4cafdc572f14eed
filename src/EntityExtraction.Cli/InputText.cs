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
    public static System.CommandLine.Option<int> MaxInputOption(string? description = null) => new("--max-input-mb")
    {
        Description = description ?? $"The largest input text (or JSONL record) read, in MB; larger input is refused instead of filling the memory (default {DefaultMaxInputMegabytes}).",
        DefaultValueFactory = _ => DefaultMaxInputMegabytes,
    };

    /// <summary>The limit in bytes, checked: a usage error when not positive or beyond what a .NET string holds.</summary>
    public static int MaxInputBytes(int megabytes) => megabytes is > 0 and <= 1024
        ? megabytes << 20
        : throw new OptionException($"--max-input-mb must be between 1 and 1024 (got {megabytes}).");

    /// <summary>The <c>--encoding</c> option of the verbs that read text.</summary>
    public static System.CommandLine.Option<string> EncodingOption() => new("--encoding")
    {
        Description = "The input text's encoding: utf-8 (checked: invalid bytes are an error), latin1 (ISO-8859-1) or windows-1252.",
        DefaultValueFactory = _ => "utf-8",
    };

    /// <summary>The decoder named by <c>--encoding</c>; null for strict UTF-8.</summary>
    public static Encoding? EncodingNamed(string name) => name.ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => null,
        "latin1" or "latin-1" or "iso-8859-1" => Encoding.Latin1,
        "windows-1252" or "cp1252" => Windows1252(),
        _ => throw new OptionException($"Unknown --encoding '{name}'; expected utf-8, latin1 or windows-1252."),
    };

    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public static string Read(string? path, int maxBytes = DefaultMaxInputMegabytes << 20, Encoding? encoding = null)
    {
        var (stream, source) = Open(path);
        using (stream)
            return Decode(ReadAtMost(stream, maxBytes, source), source, encoding);
    }

    /// <summary>
    /// The text input as a reader that decodes as it is read (<see cref="InputReader"/>), for a verb that streams it.
    /// A regular file larger than <paramref name="maxBytes"/> is refused before anything is read.
    /// </summary>
    public static InputReader OpenReader(string? path, long maxBytes, Encoding? encoding)
    {
        var (stream, source) = Open(path);
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            stream.Dispose();
            throw TooLarge(source, maxBytes);
        }
        return new InputReader(stream, source, maxBytes, encoding);
    }

    /// <summary>Whether <paramref name="path"/> names a file that can be read again (not standard input).</summary>
    public static bool IsFile(string? path) => !string.IsNullOrEmpty(path) && path != "-" && File.Exists(path);

    private static (Stream Stream, string Source) Open(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            if (!Console.IsInputRedirected)
                Console.Error.WriteLine("Reading French text from the terminal: end it with Ctrl-D (or give a FILE; --help for more).");
            return (Console.OpenStandardInput(), "standard input");
        }
        CheckFile(path, "Input file");
        return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read), $"'{path}'");
    }

    /// <summary>The error of an input past the <c>--max-input-mb</c> limit.</summary>
    public static InvalidDataException TooLarge(string source, long maxBytes) =>
        new($"{source} is larger than {maxBytes >> 20:N0} MB; split it, or raise --max-input-mb.");

    /// <summary>The error of an input that is not UTF-8, at the first invalid byte.</summary>
    public static InvalidDataException NotUtf8(string source, byte invalid, long offset) =>
        new($"{source} is not UTF-8: invalid byte 0x{invalid:X2} at offset {offset:N0}. Give --encoding latin1 (or windows-1252) if that is what it is.");

    // Reads until the end or one byte past the limit: /dev/zero and endless pipes report no length, so the limit is
    // checked on what is read, not on a declared size.
    private static ReadOnlySpan<byte> ReadAtMost(Stream stream, int maxBytes, string source)
    {
        // A regular file says how long it is: one buffer of that size, read once, instead of a growing copy (fresh
        // memory is what a start-up pays for most). Its end is confirmed, in case it grows while read.
        if (stream.CanSeek && stream.Length - stream.Position is var size and <= int.MaxValue)
        {
            long origin = stream.Position;
            if (size > maxBytes)
                throw TooLarge(source, maxBytes);
            var whole = GC.AllocateUninitializedArray<byte>((int)size);
            int got = stream.ReadAtLeast(whole, whole.Length, throwOnEndOfStream: false);
            if (got == whole.Length && stream.ReadByte() < 0)
                return whole;
            stream.Position = origin;
        }
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
                throw TooLarge(source, maxBytes);
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

    private static string Decode(ReadOnlySpan<byte> bytes, string source, Encoding? encoding)
    {
        if (encoding is not null) return encoding.GetString(bytes);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw NotUtf8(source, bytes[e.Index], e.Index);
        }
    }
}
