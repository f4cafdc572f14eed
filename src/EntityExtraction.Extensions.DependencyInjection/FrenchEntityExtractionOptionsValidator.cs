using Microsoft.Extensions.Options;

namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>
/// Checks the options before anything is loaded — when the host starts (<c>ValidateOnStart</c>) — so that a wrong
/// path or value stops the application at once with a message naming the setting, instead of failing at its first
/// request.
/// </summary>
internal sealed class FrenchEntityExtractionOptionsValidator : IValidateOptions<FrenchEntityExtractionOptions>
{
    public ValidateOptionsResult Validate(string? name, FrenchEntityExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ModelFile is { } model)
            CheckFile(model, "ModelFile", failures);
        for (int i = 0; i < options.GazetteerFiles.Count; i++)
            CheckFile(options.GazetteerFiles[i], $"GazetteerFiles[{i}]", failures);
        if (float.IsNaN(options.MinimumConfidence) || options.MinimumConfidence is < 0f or > 1f)
            failures.Add($"EntityExtraction: MinimumConfidence must be between 0 and 1 (got {options.MinimumConfidence}).");
        foreach (string type in options.EntityTypes)
        {
            if (!EntityTypeCodes.TryParse(type, out _))
                failures.Add($"EntityExtraction: EntityTypes holds '{type}', which is not an entity type (PER, ORG, LOC, or Person, Organization, Location).");
        }
        if (options.MaxDegreeOfParallelism is 0 or < -1)
            failures.Add($"EntityExtraction: MaxDegreeOfParallelism must be positive, or -1 for no limit (got {options.MaxDegreeOfParallelism}).");
        if (!options.UseGazetteer && options.GazetteerFiles.Count > 0)
            failures.Add("EntityExtraction: GazetteerFiles are given but UseGazetteer is false, so they would be ignored.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFile(string path, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
            failures.Add($"EntityExtraction: {setting} is empty.");
        else if (Directory.Exists(path))
            failures.Add($"EntityExtraction: {setting} '{path}' is a directory, not a file.");
        else if (!File.Exists(path))
            failures.Add($"EntityExtraction: {setting} '{path}' does not exist (from {Environment.CurrentDirectory}).");
    }
}
