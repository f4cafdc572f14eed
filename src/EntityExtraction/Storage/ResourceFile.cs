namespace EntityExtraction.Storage;

/// <summary>A resource as read from its container: the header's versions, the metadata and the decompressed payload.</summary>
internal sealed record ResourceFile(
    ResourceKind Kind,
    int ContentVersion,
    int SchemaVersion,
    IReadOnlyDictionary<string, string> Metadata,
    byte[] Payload);
