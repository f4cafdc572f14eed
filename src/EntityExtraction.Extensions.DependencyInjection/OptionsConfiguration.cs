using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="FrenchEntityExtractionOptions"/> from a configuration section by hand rather than through the
/// reflection binder: the package stays trim- and AOT-compatible, and a value that does not parse is reported with
/// its key and value instead of a binder exception. Keys that are absent leave the options as they were.
/// </summary>
internal static class OptionsConfiguration
{
    public static void Apply(IConfiguration section, FrenchEntityExtractionOptions options)
    {
        if (section["ModelFile"] is { Length: > 0 } model)
            options.ModelFile = model;
        foreach (string file in Values(section.GetSection("GazetteerFiles")))
            options.GazetteerFiles.Add(file);
        foreach (string type in Values(section.GetSection("EntityTypes")))
            options.EntityTypes.Add(type);
        if (Read<bool>(section, "UseDefaultGazetteer", bool.TryParse) is { } useDefault)
            options.UseDefaultGazetteer = useDefault;
        if (Read<bool>(section, "UseGazetteer", bool.TryParse) is { } useGazetteer)
            options.UseGazetteer = useGazetteer;
        if (Read<float>(section, "MinimumConfidence", (string s, out float v) => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v)) is { } confidence)
            options.MinimumConfidence = confidence;
        if (Read<int>(section, "MaxDegreeOfParallelism", (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v)) is { } degree)
            options.MaxDegreeOfParallelism = degree;
    }

    private delegate bool Parser<T>(string text, out T value);

    // A list is its children in key order ("0", "1", …), or one comma-separated value ("PER,ORG" from an environment variable).
    private static IEnumerable<string> Values(IConfigurationSection list)
    {
        if (list.Value is { Length: > 0 } single)
            return single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list.GetChildren()
            .OrderBy(child => int.TryParse(child.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : int.MaxValue)
            .Select(child => child.Value)
            .OfType<string>()
            .Where(value => value.Length > 0);
    }

    private static T? Read<T>(IConfiguration section, string key, Parser<T> parse)
        where T : struct
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (parse(text.Trim(), out T value))
            return value;
        string path = section is IConfigurationSection named ? $"{named.Path}:{key}" : key;
        throw new OptionsValidationException(nameof(FrenchEntityExtractionOptions), typeof(FrenchEntityExtractionOptions),
            [$"EntityExtraction: {path} is '{text}', which is not a {(typeof(T) == typeof(bool) ? "boolean (true or false)" : "number")}."]);
    }
}
