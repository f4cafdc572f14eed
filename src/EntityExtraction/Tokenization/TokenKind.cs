namespace EntityExtraction.Tokenization;

/// <summary>The broad category of a <see cref="Token"/>.</summary>
public enum TokenKind
{
    /// <summary>A word, including elided forms (<c>l'</c>), hyphenated compounds and abbreviations (<c>M.</c>).</summary>
    Word,

    /// <summary>A number: digits with optional separators (<c>3,5</c>, <c>1 000</c>, <c>07-12-2023</c>) or an ordinal (<c>1er</c>, <c>XXIe</c>).</summary>
    Number,

    /// <summary>Punctuation: <c>. , ; : ! ? … « » ( ) "</c> and the like.</summary>
    Punctuation,

    /// <summary>A symbol such as <c>%</c>, <c>€</c>, <c>+</c>, <c>&amp;</c> or an emoji.</summary>
    Symbol,

    /// <summary>A URL (<c>https://…</c>, <c>www.…</c>).</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>An @mention.</summary>
    Mention,

    /// <summary>A #hashtag.</summary>
    Hashtag,

    /// <summary>Anything else that is not whitespace (control characters, lone surrogates…).</summary>
    Other,
}
