namespace EntityExtraction.Model;

/// <summary>What the name lexicons say about a lower-cased word. A word may carry several flags.</summary>
[Flags]
internal enum LexiconFlags : ushort
{
    None = 0,
    FirstName = 1 << 0,
    Surname = 1 << 1,
    Place = 1 << 2,
    Country = 1 << 3,
    ProperNoun = 1 << 4,
    OrganizationWord = 1 << 5,
    HarvestedPerson = 1 << 6,
    HarvestedOrganization = 1 << 7,
    HarvestedLocation = 1 << 8,
    CommonWord = 1 << 9,
    Title = 1 << 10,
    CuratedOrganization = 1 << 11,
    CuratedPlace = 1 << 12,
}

internal static class LexiconFlagsInfo
{
    /// <summary>Number of defined flag bits, one past the highest; feature templates iterate over them.</summary>
    public static readonly int Count = FlagBits.Count<LexiconFlags>();
}
