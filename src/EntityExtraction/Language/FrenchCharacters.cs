namespace EntityExtraction.Language;

/// <summary>The characters French text writes its words with: apostrophes, hyphens and sentence terminators.</summary>
internal static class FrenchCharacters
{
    /// <summary>The straight and the typographic apostrophe.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>The characters that join compounds (<c>Jean-Luc</c>): hyphen-minus, hyphen and non-breaking hyphen.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Characters that end a sentence; a run of them (<c>?!</c>, <c>...</c>) is one token.</summary>
    public static bool IsSentenceTerminator(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';
}
