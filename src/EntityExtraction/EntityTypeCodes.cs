namespace EntityExtraction;

/// <summary>
/// The one mapping between <see cref="EntityType"/> and the type codes <c>PER</c>, <c>ORG</c> and <c>LOC</c> that
/// annotated corpora (CoNLL), gazetteer files, model files and the command line's output use.
/// </summary>
public static class EntityTypeCodes
{
    /// <summary>The code of <paramref name="type"/>: <c>PER</c>, <c>ORG</c> or <c>LOC</c>.</summary>
    /// <param name="type">A defined entity type.</param>
    /// <returns>The three-letter code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static string ToCode(this EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Undefined entity type."),
    };

    /// <summary>Reads a code exactly as data files write it: <c>PER</c>, <c>ORG</c> or <c>LOC</c>. Anything else (MISC) is not a type.</summary>
    internal static bool TryParseCode(ReadOnlySpan<char> code, out EntityType type)
    {
        switch (code)
        {
            case "PER": type = EntityType.Person; return true;
            case "ORG": type = EntityType.Organization; return true;
            case "LOC": type = EntityType.Location; return true;
            default: type = default; return false;
        }
    }

    /// <summary>
    /// Reads a type as people write it: a code or the type's name, in any case, with surrounding blanks
    /// (<c>per</c>, <c>Person</c>, <c>ORGANISATION</c>, <c>Location</c>).
    /// </summary>
    /// <param name="text">The text to read.</param>
    /// <param name="type">The type read, when the method returns true.</param>
    /// <returns>Whether <paramref name="text"/> names a type.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out EntityType type)
    {
        var trimmed = text.Trim();
        Span<char> upper = stackalloc char[Math.Min(trimmed.Length, 16)];
        if (trimmed.Length > upper.Length)
        {
            type = default;
            return false;
        }
        trimmed.ToUpperInvariant(upper);
        switch (upper)
        {
            case "PER" or "PERSON": type = EntityType.Person; return true;
            case "ORG" or "ORGANIZATION" or "ORGANISATION": type = EntityType.Organization; return true;
            case "LOC" or "LOCATION": type = EntityType.Location; return true;
            default: type = default; return false;
        }
    }

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    internal const string Expected = "PER, ORG or LOC";
}
