namespace EntityExtraction.Tokenization;

/// <summary>
/// A symbol and whatever renders with it as one glyph: variation selectors, skin tones, keycaps, tag
/// characters, zero-width-joiner sequences (👩‍💻, 🏳️‍🌈) and regional-indicator flag pairs (🇫🇷).
/// </summary>
internal static class SymbolScanner
{
    /// <summary>The end of the symbol sequence whose first code point starts at <paramref name="start"/> and is <paramref name="width"/> long.</summary>
    public static int Scan(string text, int start, int width)
    {
        int i = start + width;
        if (IsRegionalIndicator(text, start) && IsRegionalIndicator(text, i)) i += 2;
        while (i < text.Length)
        {
            var cls = CharClassifier.ClassAt(text, i, out int w);
            if (cls == CharClass.Mark)
            {
                i += w;
            }
            else if (text[i] == '\u200D' && i + 1 < text.Length
                     && CharClassifier.ClassAt(text, i + 1, out int next) == CharClass.Symbol)
            {
                i += 1 + next;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    // U+1F1E6..U+1F1FF is D83C DDE6..D83C DDFF in UTF-16.
    private static bool IsRegionalIndicator(string text, int i) =>
        i + 1 < text.Length && text[i] == '\uD83C' && text[i + 1] is >= '\uDDE6' and <= '\uDDFF';
}
