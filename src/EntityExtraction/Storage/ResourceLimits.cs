namespace EntityExtraction.Storage;

/// <summary>
/// The largest stored and decompressed sizes a reader accepts for a resource, checked against the header before
/// anything is allocated, so a hostile or corrupt file fails at once instead of exhausting memory.
/// </summary>
internal readonly record struct ResourceLimits(int MaxStoredBytes, int MaxPayloadBytes)
{
    /// <summary>Models: the shipped one stores 5 MB and holds 11 MB; a hundred times that is still a sane model.</summary>
    public static ResourceLimits Model { get; } = new(256 << 20, 1 << 30);

    /// <summary>Gazetteers: the shipped one stores 0.3 MB for 37,000 entries.</summary>
    public static ResourceLimits Gazetteer { get; } = new(64 << 20, 512 << 20);

    public static ResourceLimits CommonWords { get; } = new(16 << 20, 64 << 20);

    public static ResourceLimits Lexicon { get; } = new(64 << 20, 256 << 20);

    /// <summary>Person names: the shipped list stores about 40 KB for 4,000 names.</summary>
    public static ResourceLimits PersonNames { get; } = new(16 << 20, 64 << 20);
}
