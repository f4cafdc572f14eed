namespace EntityExtraction.Tokenization;

/// <summary>What a token means for sentence splitting.</summary>
internal enum TokenRole : byte
{
    /// <summary>No effect on sentence boundaries.</summary>
    None,

    /// <summary>A run of <c>. ! ? …</c> other than a lone period: the sentence ends after it (and after any closers) unless a lowercase word follows.</summary>
    Terminator,

    /// <summary>A lone period: like <see cref="Terminator"/>, but the sentence ends even before a lowercase word.</summary>
    FullStop,

    /// <summary><c>) ] } » ” ›</c>: after a terminator, still part of the ending sentence.</summary>
    Closer,

    /// <summary><c>" ' ’</c>: a closer only when glued to the terminator, since they also open quotes.</summary>
    QuoteCloser,

    /// <summary><c>, ; :</c>: after a terminator, the sentence goes on (<c>Sony..., Dell</c>).</summary>
    Continuation,

    /// <summary><c>etc.</c>: ends the sentence only if an uppercase letter follows.</summary>
    AmbiguousAbbreviation,
}

/// <summary>Classifies punctuation characters for sentence splitting.</summary>
internal static class PunctuationRoles
{
    /// <summary>The role of a single punctuation character.</summary>
    public static TokenRole RoleOf(char c) => c switch
    {
        ')' or ']' or '}' or '»' or '\u201D' or '\u203A' => TokenRole.Closer,
        '"' or '\'' or '\u2019' => TokenRole.QuoteCloser,
        ',' or ';' or ':' => TokenRole.Continuation,
        _ => TokenRole.None,
    };
}
