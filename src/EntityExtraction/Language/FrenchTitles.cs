namespace EntityExtraction.Language;

/// <summary>
/// The abbreviated titles and forms of address that stand before a person's name and stay outside it
/// (<c>Mme [Borne]</c>, <c>Dr [Raoult]</c>): written with or without a period, matched with their exact case.
/// </summary>
internal static class FrenchTitles
{
    private static readonly string[] Abbreviated = ["M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr", "Pr", "Prof"];

    public static IReadOnlyList<string> AbbreviatedTitles => Abbreviated;

    /// <summary>Whether <paramref name="word"/>, without any period, is an abbreviated title.</summary>
    public static bool IsAbbreviatedTitle(ReadOnlySpan<char> word)
    {
        foreach (string title in Abbreviated)
        {
            if (word.SequenceEqual(title)) return true;
        }
        return false;
    }
}
