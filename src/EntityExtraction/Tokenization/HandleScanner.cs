namespace EntityExtraction.Tokenization;

/// <summary>
/// Social-media handles: <c>@mention</c> and <c>#hashtag</c>, the sigil followed by a letter, digit or <c>_</c> and
/// then letters, digits, marks or <c>_</c>. A sigil followed by anything else is a symbol (so the keycap emoji
/// <c>#️⃣</c> stays a symbol).
/// </summary>
internal static class HandleScanner
{
    /// <summary>The end of the handle starting at <paramref name="start"/> (an <c>@</c> or <c>#</c>), or -1.</summary>
    public static int TryScan(string text, int start)
    {
        int i = start + 1;
        if (i >= text.Length || !(text[i] == '_' || CharClassifier.ClassAt(text, i, out _) is CharClass.Letter or CharClass.Digit))
            return -1;
        while (i < text.Length)
        {
            var cls = CharClassifier.ClassAt(text, i, out int width);
            if (cls is CharClass.Letter or CharClass.Digit or CharClass.Mark || text[i] == '_') i += width;
            else break;
        }
        return i > start + 1 ? i : -1;
    }
}
