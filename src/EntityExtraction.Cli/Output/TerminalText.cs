using System.Globalization;
using System.Text;

namespace EntityExtraction.Cli.Output;

/// <summary>
/// Makes input text safe to write to a terminal: control characters (ESC, BEL, C1 controls…) and the bidirectional
/// overrides and isolates that reorder what follows them are shown as visible escapes (<c>\u001B</c>), so a text
/// cannot retitle, clear or recolour the user's terminal or disguise what it says. Tabs and line breaks stay.
/// </summary>
internal static class TerminalText
{
    public static void Write(TextWriter writer, ReadOnlySpan<char> text)
    {
        int clean = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsUnsafe(text[i])) continue;
            writer.Write(text[clean..i]);
            writer.Write(Escape(text[i]));
            clean = i + 1;
        }
        writer.Write(text[clean..]);
    }

    public static string Safe(string text)
    {
        if (!text.AsSpan().ContainsAnyExcept(SafeSearch)) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (IsUnsafe(c)) builder.Append(Escape(c));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> SafeSearch = System.Buffers.SearchValues.Create(BuildSafeAscii());

    private static string BuildSafeAscii()
    {
        // A fast pre-check only: any character outside printable ASCII, tab and line breaks sends the text through the full test.
        var chars = new StringBuilder("\t\n\r");
        for (char c = ' '; c < '\u007F'; c++) chars.Append(c);
        return chars.ToString();
    }

    private static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u202A' and <= '\u202E' // embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // isolates
        || c is '\u200E' or '\u200F' or '\u061C'; // directional marks

    private static string Escape(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
}
