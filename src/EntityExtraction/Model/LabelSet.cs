namespace EntityExtraction.Model;

/// <summary>
/// The BIO label set over the entity types: label 0 is O, then B-X and I-X for each type in order.
/// Knows which transitions are valid (I-X only after B-X or I-X), which the decoder enforces.
/// </summary>
internal sealed class LabelSet
{
    private readonly bool[] _allowed; // [(from + 1) * Count + to], from = -1 is the sentence start

    public LabelSet(IReadOnlyList<EntityType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0 || types.Distinct().Count() != types.Count)
            throw new ArgumentException("Entity types must be non-empty and distinct.", nameof(types));
        Types = types.ToArray();
        Count = 1 + 2 * Types.Count;
        _allowed = new bool[(Count + 1) * Count];
        for (int from = -1; from < Count; from++)
        {
            for (int to = 0; to < Count; to++)
            {
                bool valid = !IsInside(to) || (from >= 0 && from != 0 && TypeIndexOf(from) == TypeIndexOf(to));
                _allowed[(from + 1) * Count + to] = valid;
            }
        }
    }

    public static LabelSet Standard { get; } = new([EntityType.Person, EntityType.Organization, EntityType.Location]);

    public IReadOnlyList<EntityType> Types { get; }

    public int Count { get; }

    /// <summary>The O label: outside every entity.</summary>
    public const int Outside = 0;

    public static int Begin(int typeIndex) => 1 + 2 * typeIndex;

    public static int Inside(int typeIndex) => 2 + 2 * typeIndex;

    public static bool IsInside(int label) => label > 0 && label % 2 == 0;

    public static bool IsBegin(int label) => label % 2 == 1;

    public static int TypeIndexOf(int label) => (label - 1) / 2;

    /// <summary>Whether <paramref name="to"/> may follow <paramref name="from"/> (-1: sentence start).</summary>
    public bool IsAllowed(int from, int to) => _allowed[(from + 1) * Count + to];

    public string Name(int label) => label == 0 ? "O" : (IsBegin(label) ? "B-" : "I-") + TypeCode(Types[TypeIndexOf(label)]);

    public int IndexOfType(EntityType type)
    {
        for (int i = 0; i < Types.Count; i++)
        {
            if (Types[i] == type) return i;
        }
        return -1;
    }

    public static string TypeCode(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown entity type."),
    };

    public static bool TryParseTypeCode(ReadOnlySpan<char> code, out EntityType type)
    {
        switch (code)
        {
            case "PER": type = EntityType.Person; return true;
            case "ORG": type = EntityType.Organization; return true;
            case "LOC": type = EntityType.Location; return true;
            default: type = default; return false;
        }
    }
}
