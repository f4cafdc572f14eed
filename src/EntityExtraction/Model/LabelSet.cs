namespace EntityExtraction.Model;

/// <summary>
/// The labels over the entity types in one <see cref="LabelScheme"/>: label 0 is O, then each type's parts in
/// type order (BIO: B-X, I-X; BILOU: B-X, I-X, L-X, U-X). Knows which transitions are valid and which labels may
/// end a sentence, which the decoder enforces, and where an entity's span ends in a label sequence.
/// </summary>
internal sealed class LabelSet
{
    private readonly bool[] _allowed; // [(from + 1) * Count + to], from = -1 is the sentence start
    private readonly bool[] _allowedAtEnd;
    private readonly int _partsPerType;

    public LabelSet(IReadOnlyList<EntityType> types, LabelScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0 || types.Distinct().Count() != types.Count)
            throw new ArgumentException("Entity types must be non-empty and distinct.", nameof(types));
        if (scheme is not (LabelScheme.Bio or LabelScheme.Bilou))
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown label scheme.");
        Types = types.ToArray();
        Scheme = scheme;
        _partsPerType = scheme == LabelScheme.Bio ? 2 : 4;
        Count = 1 + _partsPerType * Types.Count;
        _allowed = new bool[(Count + 1) * Count];
        _allowedAtEnd = new bool[Count];
        for (int to = 0; to < Count; to++)
        {
            for (int from = -1; from < Count; from++) _allowed[(from + 1) * Count + to] = IsValidTransition(from, to);
            _allowedAtEnd[to] = scheme == LabelScheme.Bio || PartOf(to) is LabelPart.Outside or LabelPart.Last or LabelPart.Unit;
        }
    }

    /// <summary>PER, ORG, LOC in BIO: the labels training corpora are read into.</summary>
    public static LabelSet Standard { get; } = new([EntityType.Person, EntityType.Organization, EntityType.Location], LabelScheme.Bio);

    private static LabelSet StandardBilou { get; } = new(Standard.Types, LabelScheme.Bilou);

    /// <summary>The standard entity types in <paramref name="scheme"/>.</summary>
    public static LabelSet ForStandardTypes(LabelScheme scheme) => scheme == LabelScheme.Bio ? Standard : StandardBilou;

    public IReadOnlyList<EntityType> Types { get; }

    public LabelScheme Scheme { get; }

    public int Count { get; }

    /// <summary>The O label, outside every entity, in every scheme.</summary>
    public const int Outside = 0;

    /// <summary>The label of <paramref name="part"/> of an entity of type <paramref name="typeIndex"/>.</summary>
    public int Label(LabelPart part, int typeIndex)
    {
        if (part == LabelPart.Outside) return Outside;
        if ((int)part > _partsPerType || (uint)typeIndex >= (uint)Types.Count)
            throw new ArgumentOutOfRangeException(nameof(part), $"{Scheme} has no {part} label for type index {typeIndex}.");
        return 1 + _partsPerType * typeIndex + (int)part - 1;
    }

    public int Begin(int typeIndex) => Label(LabelPart.Begin, typeIndex);

    public int Inside(int typeIndex) => Label(LabelPart.Inside, typeIndex);

    public LabelPart PartOf(int label) => label == Outside ? LabelPart.Outside : (LabelPart)(1 + (label - 1) % _partsPerType);

    /// <summary>Index in <see cref="Types"/> of the entity type of a label other than O.</summary>
    public int TypeIndexOf(int label) => (label - 1) / _partsPerType;

    /// <summary>Whether <paramref name="to"/> may follow <paramref name="from"/> (-1: sentence start).</summary>
    public bool IsAllowed(int from, int to) => _allowed[(from + 1) * Count + to];

    /// <summary>Whether a sentence may end on <paramref name="label"/> (BILOU: not inside an open entity).</summary>
    public bool IsAllowedAtEnd(int label) => _allowedAtEnd[label];

    /// <summary>
    /// The end (exclusive) of the entity whose first token is <paramref name="start"/> in <paramref name="labels"/>:
    /// the following tokens whose labels validly continue it (I-X, and in BILOU the closing L-X).
    /// </summary>
    public int EntityEnd(ReadOnlySpan<int> labels, int start)
    {
        int end = start + 1;
        while (end < labels.Length && PartOf(labels[end]) is LabelPart.Inside or LabelPart.Last && IsAllowed(labels[end - 1], labels[end])) end++;
        return end;
    }

    /// <summary>Re-spells labels of <see cref="Standard"/> (BIO, as corpora are read) in this label set.</summary>
    public int[] FromStandardBio(ReadOnlySpan<int> bio)
    {
        var labels = new int[bio.Length];
        int start = 0;
        while (start < bio.Length)
        {
            if (bio[start] == Outside) { start++; continue; }
            int end = Standard.EntityEnd(bio, start);
            int type = IndexOfType(Standard.Types[Standard.TypeIndexOf(bio[start])]);
            if (type < 0) throw new ArgumentException($"This label set has no {Standard.Types[Standard.TypeIndexOf(bio[start])]} type.", nameof(bio));
            bool bilou = Scheme == LabelScheme.Bilou;
            for (int i = start; i < end; i++)
            {
                var part = i == start
                    ? (bilou && end - start == 1 ? LabelPart.Unit : LabelPart.Begin)
                    : (bilou && i == end - 1 ? LabelPart.Last : LabelPart.Inside);
                labels[i] = Label(part, type);
            }
            start = end;
        }
        return labels;
    }

    public string Name(int label) => PartOf(label) switch
    {
        LabelPart.Outside => "O",
        var part => "BILU"[(int)part - 1] + "-" + EntityTypeCodes.ToCode(Types[TypeIndexOf(label)]),
    };

    public int IndexOfType(EntityType type)
    {
        for (int i = 0; i < Types.Count; i++)
        {
            if (Types[i] == type) return i;
        }
        return -1;
    }

    /// <summary>
    /// I-X (and L-X) only continue an open entity of type X; in BILOU an entity opened by B-X must be closed by L-X
    /// before anything else starts, so O, B-* and U-* follow only the start, O, L-* or U-*.
    /// </summary>
    private bool IsValidTransition(int from, int to)
    {
        if (PartOf(to) is LabelPart.Inside or LabelPart.Last)
            return from > 0 && TypeIndexOf(from) == TypeIndexOf(to) && PartOf(from) is LabelPart.Begin or LabelPart.Inside;
        return Scheme == LabelScheme.Bio || from <= 0 || PartOf(from) is LabelPart.Last or LabelPart.Unit;
    }
}
