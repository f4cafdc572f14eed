using System.Globalization;

namespace EntityExtraction.Tokenization;

/// <summary>
/// Classifies code points for the scanners. Latin-1 goes through a table because French text is almost
/// entirely Latin-1; everything else asks <see cref="CharUnicodeInfo"/>. Surrogate pairs are read as one
/// code point so no scanner can ever cut one in half.
/// </summary>
internal static class CharClassifier
{
    private static readonly CharClass[] Latin1 = BuildLatin1();

    /// <summary>The single definition of "whitespace" the tokenizer uses between tokens.</summary>
    public static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF';

    /// <summary>Classifies the code point starting at <paramref name="index"/>.</summary>
    /// <remarks><c>width</c>: 1, or 2 for a well-formed surrogate pair.</remarks>
    public static CharClass ClassAt(string text, int index, out int width)
    {
        char c = text[index];
        if (c < 256)
        {
            width = 1;
            return Latin1[c];
        }
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return ClassOfAstral(char.ConvertToUtf32(c, text[index + 1]));
        }
        width = 1;
        return ClassOfBmp(c);
    }

    /// <summary>Class of the code point at <paramref name="index"/>, or <see cref="CharClass.Separator"/> past the end.</summary>
    public static CharClass ClassAtOrSeparator(string text, int index) =>
        index < text.Length ? ClassAt(text, index, out _) : CharClass.Separator;

    /// <summary>True when a letter, digit or mark starts at <paramref name="index"/>.</summary>
    public static bool IsWordCharAt(string text, int index) =>
        ClassAtOrSeparator(text, index) is CharClass.Letter or CharClass.Digit or CharClass.Mark;

    /// <summary>True when a letter starts at <paramref name="index"/>.</summary>
    public static bool IsLetterAt(string text, int index) => ClassAtOrSeparator(text, index) == CharClass.Letter;

    /// <summary>Moves past any marks (combining accents, variation selectors, skin tones) starting at <paramref name="index"/>.</summary>
    public static int SkipMarks(string text, int index)
    {
        while (index < text.Length && ClassAt(text, index, out int width) == CharClass.Mark)
            index += width;
        return index;
    }

    private static CharClass ClassOfBmp(char c)
    {
        if (IsSeparator(c)) return CharClass.Separator;
        if (c is '\u200C' or '\u200D' or '\u2060') return CharClass.Joiner;
        return FromCategory(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    private static CharClass ClassOfAstral(int codePoint)
    {
        // Skin tones (Sk) and tag characters (Cf) only ever modify the emoji before them.
        if (codePoint is >= 0x1F3FB and <= 0x1F3FF or >= 0xE0020 and <= 0xE007F) return CharClass.Mark;
        return FromCategory(CharUnicodeInfo.GetUnicodeCategory(codePoint));
    }

    private static CharClass FromCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharClass.Letter,
        UnicodeCategory.DecimalDigitNumber => CharClass.Digit,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharClass.Mark,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => CharClass.Punctuation,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol => CharClass.Symbol,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharClass.Separator,
        _ => CharClass.Other,
    };

    private static CharClass[] BuildLatin1()
    {
        var table = new CharClass[256];
        for (int c = 0; c < table.Length; c++)
            table[c] = ClassOfBmp((char)c);
        table['\u00AD'] = CharClass.Joiner; // soft hyphen: invisible, belongs to the word it breaks
        // Unicode files these under "other punctuation", but in running text they behave like symbols (50 %, R&D).
        foreach (char c in "%&@#*§\\")
            table[c] = CharClass.Symbol;
        return table;
    }
}
