namespace EntityExtraction.Gazetteers;

/// <summary>How the text must agree with a <see cref="GazetteerEntry"/>'s names for a match.</summary>
/// <remarks>
/// Whatever the mode, the apostrophes <c>'</c> and <c>’</c> are interchangeable and so are the hyphen and
/// the Unicode dashes used inside compounds. In the two case-insensitive modes a token written with an
/// initial capital in the entry must also start with a capital in the text, so that "orange" or
/// "assemblée nationale" in running lower-case text never match "Orange" or "Assemblée nationale";
/// write a name in lower case to let it match lower-case text.
/// </remarks>
public enum GazetteerMatchMode
{
    /// <summary>Characters must be identical (modulo apostrophe and dash variants).</summary>
    Exact,

    /// <summary>Letters compare case-insensitively (invariant culture).</summary>
    IgnoreCase,

    /// <summary>Letters compare case- and diacritic-insensitively: "Pekin" matches "Pékin".</summary>
    IgnoreCaseAndAccents,
}
