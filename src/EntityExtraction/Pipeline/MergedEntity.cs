namespace EntityExtraction.Pipeline;

/// <summary>An entity after the model/gazetteer merge, before it is materialised as a public <see cref="Entity"/>.</summary>
internal readonly record struct MergedEntity(int Start, int Length, EntityType Type, EntitySource Source, float Confidence, string? CanonicalName)
{
    public int End => Start + Length;
}
