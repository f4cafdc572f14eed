using EntityExtraction.Language;

namespace EntityExtraction.Tokenization;

/// <summary>
/// Words: letters, digits and combining marks, held together by joiners, by a hyphen before a word character
/// (<c>Saint-Étienne</c>), by an apostrophe before a letter when the part before it is not an elided clitic
/// (<c>aujourd'hui</c>, <c>O'Neill</c>), and by a period before a lowercase letter or digit (<c>lesechos.fr</c>).
/// A word stops before an inversion tail (<c>a</c> | <c>-t-il</c>) and right after an elided clitic
/// (<c>l'</c> | <c>AI</c>); it takes the following period when it is an abbreviation or an initial.
/// </summary>
internal static class WordScanner
{
    /// <summary>Scans a word that starts at <paramref name="start"/>, resuming at <paramref name="from"/>.</summary>
    /// <remarks>
    /// <c>kind</c> is <see cref="TokenKind.Word"/>, or <see cref="TokenKind.Number"/> for a Roman ordinal;
    /// <c>role</c> is <see cref="TokenRole.AmbiguousAbbreviation"/> for <c>etc.</c>, otherwise none.
    /// </remarks>
    public static int Scan(string text, int start, int from, out TokenKind kind, out TokenRole role)
    {
        kind = TokenKind.Word;
        role = TokenRole.None;
        int i = from;
        while (i < text.Length)
        {
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                i++; // the common case, without the general classification
                continue;
            }
            var cls = CharClassifier.ClassAt(text, i, out int width);
            if (cls is CharClass.Letter or CharClass.Digit or CharClass.Mark)
            {
                i += width;
                continue;
            }
            char c = text[i];
            if (cls == CharClass.Joiner && CharClassifier.IsWordCharAt(text, i + 1))
            {
                i++;
            }
            else if (FrenchCharacters.IsApostrophe(c))
            {
                // A clitic takes its apostrophe even before a space: "l' homme" is frequent in OCR and typed text,
                // and these clitics are never words on their own.
                if (FrenchElisions.IsElidedClitic(text.AsSpan(start, i - start))) return i + 1;
                if (!CharClassifier.IsLetterAt(text, i + 1)) break;
                i++;
            }
            else if (FrenchCharacters.IsHyphen(c) && CharClassifier.IsWordCharAt(text, i + 1))
            {
                if (InversionClitics.TailLength(text, i) > 0
                    && !InversionClitics.IsLexicalised(text.AsSpan(start, i - start), text, i))
                    break;
                i++;
            }
            else if (c == '.')
            {
                if (i == start + 1)
                {
                    int acronymEnd = Acronyms.Match(text, start);
                    if (acronymEnd > 0) return acronymEnd;
                }
                if (i + 1 < text.Length && (char.IsLower(text[i + 1]) || char.IsDigit(text[i + 1]))) i++;
                else break;
            }
            else
            {
                break;
            }
        }
        return Finish(text, start, i, ref kind, ref role);
    }

    // What follows the letters: an abbreviation's period, the degree sign of "n°", or a Roman ordinal.
    private static int Finish(string text, int start, int end, ref TokenKind kind, ref TokenRole role)
    {
        var word = text.AsSpan(start, end - start);
        if (end < text.Length && text[end] == '.' && (end + 1 == text.Length || text[end + 1] != '.'))
        {
            var abbreviation = Abbreviations.Classify(word, text, end + 1);
            if (abbreviation != AbbreviationKind.None)
            {
                if (abbreviation == AbbreviationKind.Ambiguous) role = TokenRole.AmbiguousAbbreviation;
                return end + 1;
            }
        }
        if (end < text.Length && text[end] == '°' && word is "n" or "N") return end + 1;
        if (Ordinals.IsRomanOrdinal(word)) kind = TokenKind.Number;
        return end;
    }
}
