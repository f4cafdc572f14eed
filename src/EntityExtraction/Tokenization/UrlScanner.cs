namespace EntityExtraction.Tokenization;

/// <summary>
/// URLs starting with <c>http://</c>, <c>https://</c>, <c>ftp://</c> or <c>www.</c>. The URL runs to the next
/// whitespace, quote or guillemet; trailing sentence punctuation is given back, and so is a closing bracket
/// the URL did not open (<c>(voir https://x.fr/a_(b))</c> keeps the inner pair).
/// </summary>
internal static class UrlScanner
{
    private static readonly string[] Schemes = ["https://", "http://", "ftp://", "www."];

    /// <summary>The end of the URL starting at <paramref name="start"/>, or -1.</summary>
    public static int TryScan(string text, int start)
    {
        if (text[start] is not ('h' or 'H' or 'w' or 'W' or 'f' or 'F')) return -1;
        var rest = text.AsSpan(start);
        int bodyStart = -1;
        foreach (string scheme in Schemes)
        {
            if (rest.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                bodyStart = start + scheme.Length;
                break;
            }
        }
        if (bodyStart < 0 || !CharClassifier.IsWordCharAt(text, bodyStart)) return -1;

        int end = bodyStart;
        int open = 0, close = 0;
        while (end < text.Length && IsUrlChar(text[end]))
        {
            if (text[end] is '(' or '[') open++;
            else if (text[end] is ')' or ']') close++;
            end++;
        }
        while (end > bodyStart)
        {
            char last = text[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '\u2019' or '\u2026')
            {
                end--;
            }
            else if (last is ')' or ']' && close > open)
            {
                close--;
                end--;
            }
            else
            {
                break;
            }
        }
        return end;
    }

    private static bool IsUrlChar(char c) =>
        c > ' ' && !CharClassifier.IsSeparator(c) && !char.IsControl(c)
        && c is not ('<' or '>' or '"' or '«' or '»' or '\u201C' or '\u201D' or '\u2019' or '{' or '}' or '|' or '\\' or '^' or '`');
}
