namespace EntityExtraction.Model;

/// <summary>How entity spans are spelled as one label per token. Stored in the model file as a byte.</summary>
internal enum LabelScheme : byte
{
    /// <summary>B-X opens an entity, I-X continues it, O is outside: 1 + 2 labels per type.</summary>
    Bio = 0,

    /// <summary>
    /// B-X opens a multi-token entity, I-X continues it, L-X closes it, U-X is a one-token entity, O is outside:
    /// 1 + 4 labels per type. The model sees where entities end, at the cost of more labels to score.
    /// </summary>
    Bilou = 1,
}
