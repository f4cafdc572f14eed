namespace EntityExtraction.Tokenization;

/// <summary>
/// Ordinal suffixes after digits (<c>1er</c>, <c>1re</c>, <c>2e</c>, <c>2nd</c>, <c>3ème</c>, superscript <c>1ᵉʳ</c>)
/// and after Roman numerals (<c>XXIe</c>, <c>Ier</c>). Both make a <see cref="TokenKind.Number"/>.
/// </summary>
internal static class Ordinals
{
    private static readonly string[] DigitSuffixes =
    [
        "e", "er", "re", "ère", "ème", "eme", "es", "ers", "res", "ères", "èmes", "emes",
        "nd", "nde", "nds", "ndes", "d", "de", "ᵉ", "ᵉʳ", "ʳᵉ", "ᵉˢ",
    ];

    /// <summary>True when <paramref name="suffix"/> (the letters glued to a number) is an ordinal suffix.</summary>
    public static bool IsDigitSuffix(ReadOnlySpan<char> suffix) => Contains(DigitSuffixes, suffix);

    /// <summary>
    /// True for a Roman numeral followed by an ordinal suffix: <c>XXIe</c>, <c>XIXème</c>, <c>Ier</c>, <c>Ire</c>.
    /// <c>er</c>/<c>re</c> only follow <c>I</c> (premier), and a lone <c>L</c>, <c>C</c>, <c>D</c> or <c>M</c> is not
    /// taken, otherwise <c>Le</c>, <c>Ce</c>, <c>De</c>, <c>Me</c> and <c>Ver</c> would be numbers.
    /// </summary>
    public static bool IsRomanOrdinal(ReadOnlySpan<char> word)
    {
        int k = 0;
        while (k < word.Length && IsRomanDigit(word[k])) k++;
        if (k == 0 || k == word.Length) return false;
        var roman = word[..k];
        var suffix = word[k..];
        if (roman.Length == 1 && roman[0] is 'L' or 'C' or 'D' or 'M') return false;
        bool suffixOk = roman is "I"
            ? suffix is "er" or "re" or "ère"
            : suffix is "e" or "ème" or "eme";
        return suffixOk && IsCanonicalRoman(roman);
    }

    private static bool IsRomanDigit(char c) => c is 'I' or 'V' or 'X' or 'L' or 'C' or 'D' or 'M';

    private static int RomanValue(char c) => c switch
    {
        'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, _ => 1000,
    };

    // Parses with the subtractive rule, then checks the numeral is the canonical spelling of its value,
    // which rejects letter soup such as "IIV" or "VX".
    private static bool IsCanonicalRoman(ReadOnlySpan<char> roman)
    {
        if (roman.Length > 15) return false;
        int value = 0;
        for (int i = 0; i < roman.Length; i++)
        {
            int v = RomanValue(roman[i]);
            value += i + 1 < roman.Length && v < RomanValue(roman[i + 1]) ? -v : v;
        }
        if (value is <= 0 or >= 4000) return false;
        Span<char> canonical = stackalloc char[16];
        int length = 0;
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        ReadOnlySpan<string> symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        for (int s = 0; s < values.Length; s++)
        {
            while (value >= values[s])
            {
                if (length + symbols[s].Length > canonical.Length) return false;
                symbols[s].AsSpan().CopyTo(canonical[length..]);
                length += symbols[s].Length;
                value -= values[s];
            }
        }
        return roman.SequenceEqual(canonical[..length]);
    }

    private static bool Contains(string[] entries, ReadOnlySpan<char> value)
    {
        foreach (string entry in entries)
        {
            if (value.SequenceEqual(entry)) return true;
        }
        return false;
    }
}
