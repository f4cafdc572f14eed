using EntityExtraction.Data;

namespace EntityExtraction.Gazetteers;

/// <summary>The resources embedded in the library for the gazetteer: the default gazetteer image and the common-word lexicon of the guard.</summary>
internal static unsafe class DefaultGazetteerData
{
    /// <summary>The manifest names of the embedded resources (fixed by LogicalName in the project file).</summary>
    public const string EntriesResourceName = "EntityExtraction.Gazetteers.default.gazetteer";
    public const string CommonWordsResourceName = "EntityExtraction.Gazetteers.default.commonwords";

    private const string ImageName = $"The embedded resource '{EntriesResourceName}'";

    private static readonly Lazy<HashSet<string>> s_commonWords = new(
        () => Load(CommonWordsResourceName, CommonWordResource.Read), LazyThreadSafetyMode.ExecutionAndPublication);

    public static HashSet<string> CommonWords => s_commonWords.Value;

    /// <summary>
    /// The default gazetteer, read in place from the image the assembly's mapping holds (not verified at each start:
    /// it is part of the assembly, and <see cref="LoadVerified"/> is tested); a host whose resources are not in mapped
    /// memory gets the verified path.
    /// </summary>
    public static Gazetteer Load()
    {
        var stream = Open();
        if (stream is UnmanagedMemoryStream mapped)
            return GazetteerResource.Read(mapped.PositionPointer, mapped.Length - mapped.Position, mapped, CommonWords, ImageName, verify: false);
        using (stream)
            return ReadVerified(stream);
    }

    /// <summary>The default gazetteer with every check of its checksum and tables.</summary>
    public static Gazetteer LoadVerified()
    {
        using var stream = Open();
        return ReadVerified(stream);
    }

    private static Gazetteer ReadVerified(Stream stream)
    {
        var bytes = new byte[checked((int)stream.Length)];
        stream.ReadExactly(bytes);
        return GazetteerResource.ReadVerified(bytes, CommonWords, ImageName);
    }

    private static Stream Open()
    {
        var assembly = EmbeddedResources.Assembly;
        return assembly.GetManifestResourceStream(EntriesResourceName)
            ?? throw new InvalidDataException($"The embedded resource '{EntriesResourceName}' is missing from {assembly.GetName().Name}.");
    }

    private static T Load<T>(string name, Func<Stream, string, T> read)
    {
        var assembly = EmbeddedResources.Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        return read(stream, $"The embedded resource '{name}'");
    }
}
