namespace EntityExtraction.Pipeline;

/// <summary>An entity after the model/gazetteer merge, before it is materialised as a public <see cref="Entity"/>.</summary>
/// <param name="Start">UTF-16 index of the first character.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Type">The resolved type.</param>
/// <param name="Source">The component that found it.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <param name="KnownName">The canonical name of the gazetteer entry that matched the span, with the entry's type.</param>
/// <param name="FromCallerGazetteer">A name the caller's own gazetteer supplied: its type is the caller's, and it
/// decides the type of the other mentions of that name in the document.</param>
internal readonly record struct MergedEntity(int Start, int Length, EntityType Type, EntitySource Source, float Confidence, (string Name, EntityType Type)? KnownName = null, bool FromCallerGazetteer = false)
    : ITypedMention<MergedEntity>
{
    public int End => Start + Length;

    /// <summary>
    /// The matched entry's canonical name when the entity has the entry's type; none otherwise: "Berkeley" the city
    /// is not the university, even where the gazetteer knows the university's name. Decided after the type vote.
    /// </summary>
    public string? CanonicalName => KnownName is { } known && known.Type == Type ? known.Name : null;

    public bool IsTypeFixed => FromCallerGazetteer;

    public MergedEntity WithType(EntityType type) => this with { Type = type };
}
