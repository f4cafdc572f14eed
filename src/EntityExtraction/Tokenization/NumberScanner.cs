namespace EntityExtraction.Tokenization;

/// <summary>
/// Numbers: digit runs joined by <c>, . : - /</c> between digits (<c>3,5</c>, <c>10:45</c>, <c>07-12-2023</c>),
/// French thousands groups (<c>1 000 000</c>), ordinals (<c>1er</c>, <c>2e</c>) and hours (<c>12h30</c>, <c>9h</c>).
/// Digits glued to other letters (<c>4G</c>, <c>5km</c>) make a word.
/// </summary>
internal static class NumberScanner
{
    /// <summary>Scans the number starting at <paramref name="start"/> (a digit).</summary>
    /// <remarks><c>isNumber</c>: False when letters glued to the digits turned it into a word.</remarks>
    /// <returns>The index just past the number, or the position where a word scan must continue.</returns>
    public static int Scan(string text, int start, out bool isNumber)
    {
        int i = SkipDigits(text, start);
        if (i - start <= 3) i = SkipThousandsGroups(text, i);
        while (i + 1 < text.Length && text[i] is ',' or '.' or ':' or '-' or '/' && char.IsDigit(text[i + 1]))
            i = SkipDigits(text, i + 1);

        isNumber = true;
        if (!CharClassifier.IsLetterAt(text, i)) return i;

        int suffixEnd = i;
        while (suffixEnd < text.Length && CharClassifier.ClassAt(text, suffixEnd, out int width) == CharClass.Letter)
            suffixEnd += width;
        if (!ContinuesWord(text, suffixEnd) && Ordinals.IsDigitSuffix(text.AsSpan(i, suffixEnd - i)))
            return suffixEnd;
        int hourEnd = HourEnd(text, i);
        if (hourEnd > 0) return hourEnd;

        isNumber = false;
        return i;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i])) i++;
        return i;
    }

    // "1 000 000": a space (ordinary, no-break, narrow no-break or thin) then exactly three digits.
    // Only after a 1–3 digit group, so "en 2023 50 personnes" stays two numbers.
    private static int SkipThousandsGroups(string text, int i)
    {
        while (i + 3 < text.Length
               && text[i] is ' ' or '\u00A0' or '\u202F' or '\u2009'
               && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3])
               && (i + 4 == text.Length || !char.IsDigit(text[i + 4])))
            i += 4;
        return i;
    }

    // "12h30", "9h": h then nothing or exactly two digits, and then the end of the word.
    private static int HourEnd(string text, int h)
    {
        if (text[h] != 'h') return -1;
        int end = h + 1;
        if (end + 1 < text.Length && char.IsDigit(text[end]) && char.IsDigit(text[end + 1])) end += 2;
        return ContinuesWord(text, end) ? -1 : end;
    }

    private static bool ContinuesWord(string text, int index) => CharClassifier.IsWordCharAt(text, index);
}
