namespace EntityExtraction.Gazetteers;

/// <summary>The entries and common-word lexicon of the gazetteer embedded in the library.</summary>
internal sealed class DefaultGazetteerData
{
    /// <summary>The manifest name of the embedded resource (fixed by a LogicalName in the project file).</summary>
    public const string ResourceName = "EntityExtraction.Gazetteers.default.gazetteer";

    private DefaultGazetteerData(GazetteerEntry[] entries, HashSet<string> commonWords)
    {
        Entries = entries;
        CommonWords = commonWords;
    }

    public GazetteerEntry[] Entries { get; }

    public HashSet<string> CommonWords { get; }

    public static DefaultGazetteerData Load()
    {
        using var stream = typeof(DefaultGazetteerData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded gazetteer resource '{ResourceName}' is missing from {typeof(DefaultGazetteerData).Assembly.GetName().Name}.");
        var (entries, commonWords) = GazetteerResource.Read(stream, ResourceName);
        return new DefaultGazetteerData(entries, commonWords);
    }
}
