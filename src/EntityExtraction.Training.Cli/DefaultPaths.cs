namespace EntityExtraction.Training.Cli;

/// <summary>
/// Where the data-building verbs look by default, relative to the repository root (the documented working
/// directory): the read-only shared data beside the repository, and the curated lists inside it.
/// </summary>
internal static class DefaultPaths
{
    public static readonly string SharedData = Path.Combine("..", "shared", "data");

    public static readonly string GazetteerSources = Path.Combine(SharedData, "gazetteer-sources");

    public static readonly string CuratedLists = Path.Combine("src", "EntityExtraction.Training", "Curated");

    /// <summary>
    /// Fails with a message a user can act on when a folder a build verb reads is missing: the defaults are relative to
    /// the repository root, so run elsewhere they point nowhere.
    /// </summary>
    public static void RequireFolder(string path, string option, string what)
    {
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException(
                $"{char.ToUpperInvariant(what[0])}{what[1..]} '{path}' does not exist (from {Environment.CurrentDirectory}). Run from the repository root, or give {option} PATH.");
    }

    /// <summary>A folder option whose value <c>none</c> turns that input off.</summary>
    public static string? OrNone(string? value) => value is null or "none" ? null : value;
}
