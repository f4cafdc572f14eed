namespace EntityExtraction.Cli;

/// <summary>
/// Where the data-building verbs look by default, relative to the repository root (the documented working
/// directory): the read-only shared data beside the repository, and the curated lists inside it.
/// </summary>
internal static class DefaultPaths
{
    public static readonly string SharedData = Path.Combine("..", "shared", "data");

    public static readonly string GazetteerSources = Path.Combine(SharedData, "gazetteer-sources");

    public static readonly string CuratedLists = Path.Combine("src", "EntityExtraction.Training", "Curated");

    /// <summary>A folder option whose value <c>none</c> turns that input off.</summary>
    public static string? OrNone(string? value) => value is null or "none" ? null : value;
}
