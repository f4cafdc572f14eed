namespace EntityExtraction.Cli;

/// <summary>
/// The verbs that moved to the <c>entity-extraction-train</c> tool in 0.2 (so that this tool carries no ML.NET and
/// compiles ahead of time). Whoever types one here from habit, or from an old script, is told where it went.
/// </summary>
internal static class TrainingVerbs
{
    private static readonly string[] Moved = ["train", "evaluate", "build-gazetteer", "build-lexicons", "compile-model"];

    /// <summary>The usage message for a moved verb given as the first argument, or null.</summary>
    public static string? Hint(string[] args) =>
        args.Length > 0 && Moved.Contains(args[0], StringComparer.Ordinal)
            ? $"entity-extraction: '{args[0]}' is a verb of the training tool: run 'entity-extraction-train {args[0]}' (package EntityExtraction.Training.Cli; from the repository: dotnet run --project src/EntityExtraction.Training.Cli -c Release -- {args[0]})."
            : null;
}
