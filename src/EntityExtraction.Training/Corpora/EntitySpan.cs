namespace EntityExtraction.Training.Corpora;

/// <summary>An entity as a character span: <c>[Start, End)</c> in UTF-16 units of its document's text.</summary>
public readonly record struct EntitySpan(int Start, int End, EntityType Type)
{
    public int Length => End - Start;

    public bool Overlaps(EntitySpan other) => Start < other.End && other.Start < End;
}
