namespace EntityExtraction.Gazetteers;

/// <summary>The resources embedded in the library for the gazetteer: the default entries and the common-word lexicon of the guard.</summary>
internal static class DefaultGazetteerData
{
    /// <summary>The manifest names of the embedded resources (fixed by LogicalName in the project file).</summary>
    public const string EntriesResourceName = "EntityExtraction.Gazetteers.default.gazetteer";
    public const string CommonWordsResourceName = "EntityExtraction.Gazetteers.default.commonwords";

    private static readonly Lazy<HashSet<string>> s_commonWords = new(
        () => Load(CommonWordsResourceName, CommonWordResource.Read), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The common-word lexicon, loaded once: a few hundred words, milliseconds.</summary>
    public static HashSet<string> CommonWords => s_commonWords.Value;

    /// <summary>The default entries (38,000 names): loaded on each call, for the one default gazetteer.</summary>
    public static GazetteerEntry[] LoadEntries() => Load(EntriesResourceName, GazetteerResource.Read);

    private static T Load<T>(string name, Func<Stream, string, T> read)
    {
        var assembly = typeof(DefaultGazetteerData).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        return read(stream, $"The embedded resource '{name}'");
    }
}
