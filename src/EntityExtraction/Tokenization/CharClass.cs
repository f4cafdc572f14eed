namespace EntityExtraction.Tokenization;

/// <summary>The coarse classes the scanners dispatch on; finer rules (apostrophes, hyphens…) look at the char itself.</summary>
internal enum CharClass : byte
{
    /// <summary>Between tokens: <see cref="FrenchTokenizer.IsSeparator"/>.</summary>
    Separator,

    /// <summary>Letters, plus letter-like numbers (<c>²</c>, <c>½</c>, Roman numeral code points).</summary>
    Letter,

    /// <summary>Decimal digits (Unicode Nd).</summary>
    Digit,

    /// <summary>Code points that attach to the previous one: combining marks, variation selectors, emoji skin tones, tag characters.</summary>
    Mark,

    /// <summary>Invisible joiners that belong inside a word or emoji sequence (ZWJ, ZWNJ, soft hyphen, word joiner).</summary>
    Joiner,

    /// <summary>Punctuation.</summary>
    Punctuation,

    /// <summary>Symbols, including emoji and <c>% &amp; @ #</c>.</summary>
    Symbol,

    /// <summary>Control and format characters, private use, unassigned code points and lone surrogates.</summary>
    Other,
}
