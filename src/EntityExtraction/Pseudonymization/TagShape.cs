namespace EntityExtraction.Pseudonymization;

/// <summary>The shape of the bracketed pseudonyms of <see cref="PseudonymizationOperator.Tag"/> and
/// <see cref="PseudonymizationOperator.Hash"/>: <c>[PER_1]</c>, <c>[ORG_1.2]</c>, <c>[PER_3f9a2c1b]</c>, <c>[PER_3f9a2c1b.7d2e]</c>.</summary>
internal static class TagShape
{
    /// <summary>The length of the tag <paramref name="text"/> starts with, or 0.</summary>
    public static int Length(ReadOnlySpan<char> text)
    {
        if (text.Length < 7 || text[0] != '[' || text[4] != '_') return 0;
        var code = text.Slice(1, 3);
        if (!code.SequenceEqual("PER") && !code.SequenceEqual("ORG") && !code.SequenceEqual("LOC")) return 0;
        int i = 5;
        int digits = 0;
        bool dot = false;
        while (i < text.Length && (char.IsAsciiHexDigitLower(text[i]) || char.IsAsciiDigit(text[i]) || (text[i] == '.' && !dot && digits > 0)))
        {
            if (text[i] == '.') { dot = true; digits = 0; }
            else digits++;
            i++;
        }
        return digits > 0 && i < text.Length && text[i] == ']' ? i + 1 : 0;
    }
}
