using EntityExtraction.Language;

using System.Diagnostics;

namespace EntityExtraction.Tokenization;

/// <summary>
/// The single forward pass: skips separators, picks the scanner for the first code point of each token, lets
/// the token absorb trailing combining marks, and tracks sentences. Every scanner only moves forward and the
/// e-mail look-ahead is memoised, so the pass is linear in the length of the text.
/// </summary>
internal static class TokenScanner
{
    public static void Scan(string text, List<Token> destination)
    {
        var sentences = new SentenceTracker();
        int noEmailBefore = 0;
        int previousStart = -1, previousEnd = -1;
        var previousKind = TokenKind.Other;
        int pos = 0;
        while (true)
        {
            int lineBreaks = 0;
            while (pos < text.Length && CharClassifier.IsSeparator(text[pos]))
            {
                lineBreaks += LineBreakWeight(text, pos);
                pos++;
            }
            if (pos >= text.Length) break;
            if (lineBreaks >= 2) sentences.BlankLine();
            else if (lineBreaks == 1 && previousEnd > 0 && !EndsLineOpen(text, previousStart, previousEnd)) sentences.LineBreak();

            int start = pos;
            bool glued = start == previousEnd;
            int end = ScanToken(text, start, glued && previousKind == TokenKind.Word, ref noEmailBefore, out var kind, out var role);
            if (end <= start)
            {
                // A scanner that failed to move would loop forever; every token takes at least one code point.
                Debug.Fail($"Scanner made no progress at {start}.");
                end = start + (char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1);
            }
            end = CharClassifier.SkipMarks(text, end);
            destination.Add(new Token(start, end - start, kind, sentences.Place(text, start, role, glued)));
            previousStart = start;
            previousEnd = pos = end;
            previousKind = kind;
        }
    }

    private static int ScanToken(string text, int start, bool afterWord, ref int noEmailBefore, out TokenKind kind, out TokenRole role)
    {
        role = TokenRole.None;
        var cls = CharClassifier.ClassAt(text, start, out int width);
        switch (cls)
        {
            case CharClass.Letter:
            {
                int end = UrlScanner.TryScan(text, start);
                if (end > 0) { kind = TokenKind.Url; return end; }
                end = WordScanner.Scan(text, start, start + width, out kind, out role);
                return TryEmail(text, start, end, ref noEmailBefore, ref kind, ref role);
            }
            case CharClass.Digit when width == 2:
                // Astral digits (mathematical 𝟏, Dives Akuru…) are rare; the number rules are written for BMP digits.
                return WordScanner.Scan(text, start, start + width, out kind, out role);
            case CharClass.Digit:
            {
                int end = NumberScanner.Scan(text, start, out bool isNumber);
                kind = TokenKind.Number;
                if (!isNumber) end = WordScanner.Scan(text, start, end, out kind, out role);
                return TryEmail(text, start, end, ref noEmailBefore, ref kind, ref role);
            }
            case CharClass.Punctuation:
                return ScanPunctuation(text, start, width, afterWord, out kind, out role);
            case CharClass.Symbol:
            {
                char c = text[start];
                if (c is '@' or '#')
                {
                    int end = HandleScanner.TryScan(text, start);
                    if (end > 0) { kind = c == '@' ? TokenKind.Mention : TokenKind.Hashtag; return end; }
                }
                kind = TokenKind.Symbol;
                return SymbolScanner.Scan(text, start, width);
            }
            default:
                // Marks with nothing to attach to, stray joiners, controls, lone surrogates: one code point of "other".
                kind = TokenKind.Other;
                return start + width;
        }
    }

    // An address can only be under way if the word or number stopped on a character an address allows, so the
    // look-ahead runs for a handful of tokens instead of re-reading every word.
    private static int TryEmail(string text, int start, int end, ref int noEmailBefore, ref TokenKind kind, ref TokenRole role)
    {
        if (end >= text.Length || text[end] is not ('@' or '.' or '_' or '%' or '+' or '-')) return end;
        int emailEnd = EmailScanner.TryScan(text, start, ref noEmailBefore);
        if (emailEnd < 0) return end;
        kind = TokenKind.Email;
        role = TokenRole.None;
        return emailEnd;
    }

    private static int ScanPunctuation(string text, int start, int width, bool afterWord, out TokenKind kind, out TokenRole role)
    {
        char c = text[start];
        if (afterWord && FrenchCharacters.IsHyphen(c))
        {
            int tail = InversionClitics.TailLength(text, start);
            if (tail > 0)
            {
                kind = TokenKind.Word;
                role = TokenRole.None;
                return start + tail;
            }
        }
        kind = TokenKind.Punctuation;
        if (FrenchCharacters.IsSentenceTerminator(c))
        {
            int end = start + 1;
            while (end < text.Length && FrenchCharacters.IsSentenceTerminator(text[end])) end++;
            role = end == start + 1 && c == '.' ? TokenRole.FullStop : TokenRole.Terminator;
            return end;
        }
        role = PunctuationRoles.RoleOf(c);
        return start + width;
    }

    // Hard-wrapped prose breaks lines anywhere; the break is a boundary only after a token that can end a line of
    // its own. A comma, hyphen, apostrophe or short lower-case word (de, la, les, à, et…) means the text goes on.
    private static bool EndsLineOpen(string text, int start, int end)
    {
        char last = text[end - 1];
        if (last is ',' or '-' or '\'' or '’' or '(' or '«' or '/' or '&') return true;
        return end - start <= 3 && char.IsLower(text[start]);
    }

    // A blank line is two line breaks; CR LF counts once, a paragraph separator or form feed counts as a blank line.
    private static int LineBreakWeight(string text, int i) => text[i] switch
    {
        '\n' or '\v' or '\u0085' or '\u2028' => 1,
        '\r' => i + 1 < text.Length && text[i + 1] == '\n' ? 0 : 1,
        '\f' or '\u2029' => 2,
        _ => 0,
    };
}
