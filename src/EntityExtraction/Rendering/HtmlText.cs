namespace EntityExtraction.Rendering;

/// <summary>
/// Writes text into HTML, as text or as an attribute value: <c>&amp; &lt; &gt; " '</c> become references, so no input
/// can open a tag or leave an attribute; in an attribute, line breaks and tabs too, so that they stay what they are
/// (a tooltip's lines) and the tag stays on its line. What HTML cannot carry becomes U+FFFD, one
/// character for one: a lone surrogate (no encoding writes it) and the control characters other than tab, line feed,
/// carriage return and form feed (HTML's parse errors).
/// </summary>
internal static class HtmlText
{
    public static void Write(TextWriter writer, ReadOnlySpan<char> text) => Write(writer, text, attribute: false);

    public static void WriteAttribute(TextWriter writer, ReadOnlySpan<char> value) => Write(writer, value, attribute: true);

    private static void Write(TextWriter writer, ReadOnlySpan<char> text, bool attribute)
    {
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' when attribute => "&#10;",
                '\r' when attribute => "&#13;",
                '\t' when attribute => "&#9;",
                _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) => null,
                _ when char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]) => null,
                _ when char.IsSurrogate(c) || IsForbiddenControl(c) => "\uFFFD",
                _ => null,
            };
            if (replacement is null) continue;
            writer.Write(text[run..i]);
            writer.Write(replacement);
            run = i + 1;
        }
        writer.Write(text[run..]);
    }

    private static bool IsForbiddenControl(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')) || c is >= '\u007F' and <= '\u009F';
}
