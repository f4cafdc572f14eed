namespace EntityExtraction.Tokenization;

/// <summary>The characters that join compounds (<c>Jean-Luc</c>): hyphen-minus, hyphen and non-breaking hyphen.</summary>
internal static class Hyphens
{
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
