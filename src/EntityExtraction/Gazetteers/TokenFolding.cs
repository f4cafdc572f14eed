using System.Globalization;
using System.Text;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// Per-character normalisation for each <see cref="GazetteerMatchMode"/>. Every mapping is one char to one
/// char, so a folded token has the length of the original and can be compared span against span without
/// building a string.
/// </summary>
internal static class TokenFolding
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // Lower-case letters of Latin-1 and Latin Extended-A/B without their diacritics, computed once from the
    // canonical decomposition; characters outside the table are only lower-cased.
    private static readonly char[] s_accentFree = BuildAccentFreeTable(0x250);

    public static char Fold(char c, GazetteerMatchMode mode)
    {
        switch (c)
        {
            case '’' or 'ʼ' or '‘' or '`' or '´':
                return '\'';
            case '‐' or '‑' or '‒' or '–' or '—':
                return '-';
        }

        if (mode == GazetteerMatchMode.Exact)
            return c;
        if (mode == GazetteerMatchMode.IgnoreCaseAndAccents && c < s_accentFree.Length)
            return s_accentFree[c];
        return char.ToLowerInvariant(c);
    }

    public static ulong Hash(ReadOnlySpan<char> token, GazetteerMatchMode mode)
    {
        ulong hash = FnvOffset;
        foreach (char c in token)
        {
            char folded = Fold(c, mode);
            hash = (hash ^ (byte)folded) * FnvPrime;
            hash = (hash ^ (byte)(folded >> 8)) * FnvPrime;
        }
        return hash;
    }

    public static bool FoldedEquals(ReadOnlySpan<char> token, ReadOnlySpan<char> foldedLabel, GazetteerMatchMode mode)
    {
        if (token.Length != foldedLabel.Length)
            return false;
        for (int i = 0; i < token.Length; i++)
        {
            if (Fold(token[i], mode) != foldedLabel[i])
                return false;
        }
        return true;
    }

    public static string FoldToString(ReadOnlySpan<char> token, GazetteerMatchMode mode)
    {
        Span<char> folded = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        for (int i = 0; i < token.Length; i++)
            folded[i] = Fold(token[i], mode);
        return new string(folded);
    }

    /// <summary>True when the token starts with an upper-case letter.</summary>
    public static bool StartsUpper(ReadOnlySpan<char> token) => token.Length > 0 && char.IsUpper(token[0]);

    /// <summary>True when the token has at least two letters and no lower-case letter ("NASA", "CNRS").</summary>
    public static bool IsAllCapitals(ReadOnlySpan<char> token)
    {
        int letters = 0;
        foreach (char c in token)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }

    /// <summary>True when the token has a letter and no upper-case letter.</summary>
    public static bool IsAllLowercase(ReadOnlySpan<char> token)
    {
        bool hasLetter = false;
        foreach (char c in token)
        {
            if (char.IsUpper(c))
                return false;
            hasLetter |= char.IsLetter(c);
        }
        return hasLetter;
    }

    private static char[] BuildAccentFreeTable(int size)
    {
        var table = new char[size];
        for (int i = 0; i < size; i++)
        {
            char lower = char.ToLowerInvariant((char)i);
            table[i] = lower;
            if (!char.IsLetter(lower))
                continue;
            string decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark)
                table[i] = decomposed[0];
        }
        return table;
    }
}
