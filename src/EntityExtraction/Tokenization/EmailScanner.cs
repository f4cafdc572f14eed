namespace EntityExtraction.Tokenization;

/// <summary>
/// E-mail addresses: a local part of letters, digits and <c>. _ % + -</c>, an <c>@</c>, and a domain with at
/// least one dot and a final label of two or more letters. Trailing dots and hyphens are not part of it.
/// </summary>
internal static class EmailScanner
{
    /// <summary>
    /// The end of the e-mail address starting at <paramref name="start"/>, or -1.
    /// </summary>
    /// <remarks><c>noEmailBefore</c>: 
    /// Per-text memo: every start before it is known not to begin an address. Each failed look-ahead stops at
    /// the same place for any start inside the run it read, so remembering it keeps the whole scan linear
    /// (otherwise <c>a+a+a+…</c> would be read again from every <c>a</c>).
    /// </remarks>
    public static int TryScan(string text, int start, ref int noEmailBefore)
    {
        if (start < noEmailBefore) return -1;
        int at = start;
        while (at < text.Length && IsLocalChar(text[at])) at++;
        if (at == start || at >= text.Length || text[at] != '@')
        {
            noEmailBefore = Math.Max(at, start + 1);
            return -1;
        }

        int end = at + 1;
        while (end < text.Length && IsDomainChar(text[end])) end++;
        while (end > at + 1 && text[end - 1] is '.' or '-') end--;
        if (!IsValidDomain(text.AsSpan(at + 1, end - at - 1)))
        {
            noEmailBefore = at;
            return -1;
        }
        return end;
    }

    private static bool IsLocalChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomainChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '-';

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        int lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || !char.IsLetterOrDigit(domain[0])) return false;
        var topLevel = domain[(lastDot + 1)..];
        if (topLevel.Length < 2) return false;
        foreach (char c in topLevel)
        {
            if (!char.IsLetter(c)) return false;
        }
        return true;
    }
}
