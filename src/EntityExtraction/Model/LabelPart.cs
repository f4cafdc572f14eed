namespace EntityExtraction.Model;

/// <summary>The role a label gives its token in an entity span; <see cref="Last"/> and <see cref="Unit"/> exist only in BILOU.</summary>
internal enum LabelPart : byte
{
    Outside = 0,
    Begin = 1,
    Inside = 2,
    Last = 3,
    Unit = 4,
}
