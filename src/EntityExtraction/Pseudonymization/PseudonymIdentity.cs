namespace EntityExtraction.Pseudonymization;

/// <summary>
/// One person (or organisation, or place) of a map: the keys mentions are linked by, the surrogate drawn for it, and
/// the pseudonym of each spelling met. Mutated only under the map's lock.
/// </summary>
internal sealed class PseudonymIdentity
{
    private readonly Dictionary<string, string> _pseudonymOf = new(StringComparer.Ordinal);

    public PseudonymIdentity(string key, EntityType type, PseudonymizationOperator op, string? surnameKey, string? givenKey, char? initial)
    {
        Key = key;
        Type = type;
        Operator = op;
        SurnameKey = surnameKey;
        GivenKey = givenKey;
        Initial = initial;
    }

    /// <summary>Operator, type and normalised name: what makes two mentions one identity in the map.</summary>
    public string Key { get; }

    public EntityType Type { get; }

    public PseudonymizationOperator Operator { get; }

    /// <summary>Persons: the normalised surname (or the only word of a one-word name).</summary>
    public string? SurnameKey { get; }

    /// <summary>Persons: the normalised first names, when a mention gave them.</summary>
    public string? GivenKey { get; }

    /// <summary>Persons: the lower-case initial of the first name, when known.</summary>
    public char? Initial { get; }

    /// <summary>The identifier (<c>PER_1</c>), given when its first pseudonym is made.</summary>
    public string? Identifier { get; set; }

    public string? SurrogateGiven { get; set; }

    public string? SurrogateSurname { get; set; }

    /// <summary>Whether the bare pseudonym (<c>[PER_1]</c>) is taken by one of its spellings.</summary>
    public bool HasBareForm { get; set; }

    /// <summary>The next spelling number of <see cref="PseudonymizationOperator.Tag"/> (<c>[PER_1.2]</c>).</summary>
    public int NextVariant { get; set; } = 2;

    public List<PseudonymForm> Forms { get; } = [];

    public bool TryGetPseudonym(string original, out string pseudonym) => _pseudonymOf.TryGetValue(original, out pseudonym!);

    public void AddForm(string original, string pseudonym)
    {
        _pseudonymOf.Add(original, pseudonym);
        Forms.Add(new PseudonymForm(original, pseudonym));
    }
}
