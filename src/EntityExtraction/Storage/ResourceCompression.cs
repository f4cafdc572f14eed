namespace EntityExtraction.Storage;

/// <summary>How a resource's payload is stored.</summary>
internal enum ResourceCompression : byte
{
    /// <summary>As is.</summary>
    None = 0,

    /// <summary>Brotli (RFC 7932), from the base library: no package dependency.</summary>
    Brotli = 1,
}
