namespace EntityExtraction.Tokenization;

/// <summary>Social-media handles: <c>@mention</c> and <c>#hashtag</c>, the sigil followed by letters, digits, marks or <c>_</c>.</summary>
internal static class HandleScanner
{
    /// <summary>The end of the handle starting at <paramref name="start"/> (an <c>@</c> or <c>#</c>), or -1.</summary>
    public static int TryScan(string text, int start)
    {
        int i = start + 1;
        while (i < text.Length)
        {
            var cls = CharClassifier.ClassAt(text, i, out int width);
            if (cls is CharClass.Letter or CharClass.Digit or CharClass.Mark || text[i] == '_') i += width;
            else break;
        }
        return i > start + 1 ? i : -1;
    }
}
