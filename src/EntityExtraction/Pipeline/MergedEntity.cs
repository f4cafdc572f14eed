namespace EntityExtraction.Pipeline;

/// <summary>An entity after the model/gazetteer merge, before it is materialised as a public <see cref="Entity"/>.</summary>
/// <param name="Start">UTF-16 index of the first character.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Type">The resolved type.</param>
/// <param name="Source">The component that found it.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <param name="CanonicalName">The gazetteer entry's canonical name, if one lent it.</param>
/// <param name="FromCallerGazetteer">A name the caller's own gazetteer supplied: its type is the caller's, and it
/// decides the type of the other mentions of that name in the document.</param>
internal readonly record struct MergedEntity(int Start, int Length, EntityType Type, EntitySource Source, float Confidence, string? CanonicalName, bool FromCallerGazetteer = false)
    : ITypedMention<MergedEntity>
{
    public bool IsTypeFixed => FromCallerGazetteer;

    public MergedEntity WithType(EntityType type) => this with { Type = type };

    public int End => Start + Length;
}
