namespace EntityExtraction.Storage;

/// <summary>
/// An uncompressed resource read in place (<see cref="ResourceContainer.ReadInPlace"/>): its header facts, its
/// metadata, and where its payload lies in the memory it was read from.
/// </summary>
/// <param name="ContentVersion">The payload layout version.</param>
/// <param name="SchemaVersion">The feature schema (models) or 0.</param>
/// <param name="Metadata">The decoded metadata.</param>
/// <param name="PayloadOffset">Where the payload starts, from the start of the resource.</param>
/// <param name="PayloadLength">The payload's length in bytes.</param>
internal sealed record ResourceView(
    int ContentVersion,
    int SchemaVersion,
    IReadOnlyDictionary<string, string> Metadata,
    int PayloadOffset,
    int PayloadLength);
