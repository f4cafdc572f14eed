namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>
/// How the registered <see cref="IFrenchEntityExtractor"/> is built: bound from configuration (section
/// <see cref="DefaultSectionName"/> by convention) and/or set in code, and validated when the host starts.
/// </summary>
/// <example>
/// <code>
/// "EntityExtraction": {
///   "GazetteerFiles": [ "data/clients.tsv" ],
///   "EntityTypes": [ "PER", "ORG" ],
///   "MinimumConfidence": 0.3
/// }
/// </code>
/// </example>
public sealed class FrenchEntityExtractionOptions
{
    /// <summary>The configuration section the options are usually bound from.</summary>
    public const string DefaultSectionName = "EntityExtraction";

    /// <summary>A model file to use instead of the embedded default model (compact or image format).</summary>
    public string? ModelFile { get; set; }

    /// <summary>Gazetteer TSV files of the application's own names, added to the default gazetteer.</summary>
    public IList<string> GazetteerFiles { get; } = [];

    /// <summary>Whether the embedded default gazetteer is used (default true).</summary>
    public bool UseDefaultGazetteer { get; set; } = true;

    /// <summary>Whether any gazetteer is used (default true); false leaves the model alone.</summary>
    public bool UseGazetteer { get; set; } = true;

    /// <summary>The entity types reported, as codes (<c>PER</c>, <c>ORG</c>, <c>LOC</c>) or names; empty: all.</summary>
    public IList<string> EntityTypes { get; } = [];

    /// <summary>Entities less confident than this are dropped (0 to 1; default 0).</summary>
    public float MinimumConfidence { get; set; }

    /// <summary>The most threads one call may use; -1 (the default) lets the thread pool decide.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Adds a gazetteer TSV file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>These options, for chaining.</returns>
    public FrenchEntityExtractionOptions AddGazetteerFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        GazetteerFiles.Add(path);
        return this;
    }
}
