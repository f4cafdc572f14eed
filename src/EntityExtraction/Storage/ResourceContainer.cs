using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EntityExtraction.Storage;

/// <summary>
/// The one binary container of every resource the library reads: models, compiled gazetteers and the common-word
/// lexicon. A 32-byte little-endian header — magic <c>EEXTRACT</c>, container version (u16), kind (u16), content
/// version (u16: the layout of this kind's payload), schema version (u16: for models, the feature schema),
/// compression (u8), a zero byte, metadata length (u16), payload length (u32, decompressed), stored length (u32) and
/// the CRC-32 of the header's first 28 bytes, the metadata and the stored payload — then the metadata (sorted
/// key/value strings, uncompressed so a file describes itself without being decompressed) and the stored payload.
/// </summary>
/// <remarks>
/// Reading checks everything before it trusts anything: the magic (and names the file formats of version 0.1,
/// which are no longer read), the versions, the kind, the declared sizes against <see cref="ResourceLimits"/> before
/// allocating, the checksum before decompressing, and a decompression bounded by the declared size, so a corrupt or
/// hostile file fails with an <see cref="InvalidDataException"/> naming the file and the problem.
/// </remarks>
internal static class ResourceContainer
{
    public const int Version = 1;
    public const int HeaderSize = 32;
    private const int ChecksummedHeaderSize = 28;
    private const int MaxMetadataBytes = ushort.MaxValue;
    private static readonly byte[] Magic = "EEXTRACT"u8.ToArray();
    private static readonly byte[] LegacyModelMagic = "FRNERMDL"u8.ToArray();
    private static readonly byte[] LegacyGazetteerMagic = "EEGZ"u8.ToArray();

    public static void Write(Stream destination, ResourceKind kind, int contentVersion, int schemaVersion,
        IReadOnlyDictionary<string, string>? metadata, ReadOnlySpan<byte> payload, ResourceCompression compression = ResourceCompression.Brotli)
    {
        ArgumentNullException.ThrowIfNull(destination);
        byte[] metadataBytes = EncodeMetadata(metadata);
        byte[] stored = compression switch
        {
            ResourceCompression.None => payload.ToArray(),
            ResourceCompression.Brotli => Compress(payload),
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown compression."),
        };

        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], (ushort)kind);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], checked((ushort)contentVersion));
        BinaryPrimitives.WriteUInt16LittleEndian(header[14..], checked((ushort)schemaVersion));
        header[16] = (byte)compression;
        header[17] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header[18..], (ushort)metadataBytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)stored.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], Checksum(header[..ChecksummedHeaderSize], metadataBytes, stored));
        destination.Write(header);
        destination.Write(metadataBytes);
        destination.Write(stored);
    }

    /// <summary>Reads one resource of kind <paramref name="expected"/>; the stream is left just after it.</summary>
    /// <exception cref="InvalidDataException">The data is not such a resource, or is truncated, corrupt or too large; the message starts with <paramref name="sourceName"/>.</exception>
    public static ResourceFile Read(Stream source, ResourceKind expected, ResourceLimits limits, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceName);
        Span<byte> headerBytes = stackalloc byte[HeaderSize];
        int got = source.ReadAtLeast(headerBytes, HeaderSize, throwOnEndOfStream: false);
        var header = ParseHeader(headerBytes[..got], expected, limits, sourceName);

        var metadataBytes = new byte[header.MetadataLength];
        var stored = new byte[header.StoredLength];
        if (source.ReadAtLeast(metadataBytes, metadataBytes.Length, throwOnEndOfStream: false) < metadataBytes.Length
            || source.ReadAtLeast(stored, stored.Length, throwOnEndOfStream: false) < stored.Length)
            throw Invalid(sourceName, $"truncated: the header announces {header.MetadataLength + header.StoredLength:N0} bytes after it, fewer are present");
        if (Checksum(headerBytes[..ChecksummedHeaderSize], metadataBytes, stored) != header.Checksum)
            throw Invalid(sourceName, "corrupt: the checksum (CRC-32) does not match");

        byte[] payload = header.Compression == ResourceCompression.None ? stored : Decompress(stored, (int)header.PayloadLength, sourceName);
        return new ResourceFile(header.Kind, header.ContentVersion, header.SchemaVersion, DecodeMetadata(metadataBytes, sourceName), payload);
    }

    /// <summary>The content version of the resource that <paramref name="data"/> starts with, after checking its header.</summary>
    /// <exception cref="InvalidDataException">Not a resource of the <paramref name="expected"/> kind, or a corrupt header.</exception>
    public static int PeekContentVersion(ReadOnlySpan<byte> data, ResourceKind expected, ResourceLimits limits, string sourceName) =>
        ParseHeader(data[..Math.Min(data.Length, HeaderSize)], expected, limits, sourceName).ContentVersion;

    /// <summary>
    /// Reads an uncompressed resource where it lies — a mapped image, a pinned array — without copying its payload:
    /// the header and metadata are checked and decoded, and the payload is returned as its place in
    /// <paramref name="data"/>. The checksum covers every byte, so verifying it reads the whole payload once; a caller
    /// that trusts the memory (the assembly's own embedded resource, checked by a test) may skip it.
    /// </summary>
    /// <exception cref="InvalidDataException">Not an uncompressed resource of the expected kind, truncated or corrupt.</exception>
    public static ResourceView ReadInPlace(ReadOnlySpan<byte> data, ResourceKind expected, ResourceLimits limits, string sourceName, bool verifyChecksum)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var header = ParseHeader(data[..Math.Min(data.Length, HeaderSize)], expected, limits, sourceName);
        if (header.Compression != ResourceCompression.None)
            throw Invalid(sourceName, "its payload is compressed, so it cannot be read in place");
        long end = HeaderSize + header.MetadataLength + header.StoredLength;
        if (data.Length < end)
            throw Invalid(sourceName, $"truncated: the header announces {header.MetadataLength + header.StoredLength:N0} bytes after it, fewer are present");
        var metadataBytes = data.Slice(HeaderSize, header.MetadataLength);
        var payload = data.Slice(HeaderSize + header.MetadataLength, (int)header.StoredLength);
        if (verifyChecksum && Checksum(data[..ChecksummedHeaderSize], metadataBytes, payload) != header.Checksum)
            throw Invalid(sourceName, "corrupt: the checksum (CRC-32) does not match");
        return new ResourceView(header.ContentVersion, header.SchemaVersion, DecodeMetadata(metadataBytes.ToArray(), sourceName),
            HeaderSize + header.MetadataLength, (int)header.StoredLength);
    }

    private static Header ParseHeader(ReadOnlySpan<byte> header, ResourceKind expected, ResourceLimits limits, string sourceName)
    {
        int got = header.Length;
        if (got < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
            throw NotAResource(header, expected, sourceName);
        if (got < HeaderSize)
            throw Invalid(sourceName, $"truncated: its header needs {HeaderSize} bytes, only {got} are present");

        int container = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (container != Version)
            throw Invalid(sourceName, $"container format version {container}; this library ({LibraryVersion}) reads version {Version}" +
                (container > Version ? ": it was written by a newer version of EntityExtraction" : ""));
        var kind = (ResourceKind)BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        if (kind != expected)
            throw Invalid(sourceName, $"it holds {Describe(kind)}, not {Describe(expected)}");
        int contentVersion = BinaryPrimitives.ReadUInt16LittleEndian(header[12..]);
        int schemaVersion = BinaryPrimitives.ReadUInt16LittleEndian(header[14..]);
        var compression = (ResourceCompression)header[16];
        if (compression is not (ResourceCompression.None or ResourceCompression.Brotli) || header[17] != 0)
            throw Invalid(sourceName, $"the header is corrupt: unknown compression {header[16]}");
        int metadataLength = BinaryPrimitives.ReadUInt16LittleEndian(header[18..]);
        long payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        long storedLength = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
        uint checksum = BinaryPrimitives.ReadUInt32LittleEndian(header[28..]);
        if (payloadLength > limits.MaxPayloadBytes)
            throw Invalid(sourceName, $"it declares a payload of {payloadLength:N0} bytes, over the limit of {limits.MaxPayloadBytes:N0} for {Describe(kind)}");
        if (storedLength > limits.MaxStoredBytes)
            throw Invalid(sourceName, $"it declares {storedLength:N0} stored bytes, over the limit of {limits.MaxStoredBytes:N0} for {Describe(kind)}");
        if (compression == ResourceCompression.None && storedLength != payloadLength)
            throw Invalid(sourceName, "the header is corrupt: an uncompressed payload whose stored and declared lengths differ");
        return new Header(kind, contentVersion, schemaVersion, compression, metadataLength, payloadLength, storedLength, checksum);
    }

    private readonly record struct Header(ResourceKind Kind, int ContentVersion, int SchemaVersion, ResourceCompression Compression,
        int MetadataLength, long PayloadLength, long StoredLength, uint Checksum);

    public static string LibraryVersion =>
        typeof(ResourceContainer).Assembly.GetName().Version is { } v ? $"EntityExtraction {v.Major}.{v.Minor}.{v.Build}" : "EntityExtraction";

    public static InvalidDataException Invalid(string sourceName, string problem, Exception? inner = null) =>
        new($"{sourceName}: {problem}.", inner);

    private static InvalidDataException NotAResource(ReadOnlySpan<byte> start, ResourceKind expected, string sourceName)
    {
        if (start.StartsWith(LegacyModelMagic))
            return Invalid(sourceName, $"a model file of EntityExtraction 0.1, whose format this library ({LibraryVersion}) no longer reads; train the model again with the `train` command of this version");
        if (start.StartsWith(LegacyGazetteerMagic))
            return Invalid(sourceName, $"a compiled gazetteer of EntityExtraction 0.1, whose format this library ({LibraryVersion}) no longer reads; compile it again with the `build-gazetteer` command of this version");
        return Invalid(sourceName, $"not {Describe(expected)} of EntityExtraction: the magic number 'EEXTRACT' is missing");
    }

    private static string Describe(ResourceKind kind) => kind switch
    {
        ResourceKind.Model => "a model",
        ResourceKind.Gazetteer => "a compiled gazetteer",
        ResourceKind.CommonWords => "a common-word lexicon",
        ResourceKind.Lexicon => "a compiled name lexicon",
        _ => $"an unknown resource kind {(int)kind}",
    };

    private static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(payload.Length)];
        if (!BrotliEncoder.TryCompress(payload, buffer, out int written, quality: 11, window: 24))
            throw new InvalidOperationException("Brotli compression failed.");
        return buffer[..written];
    }

    // One call bounded by the declared size: a payload that decompresses to more than it declares fails here
    // instead of growing without limit.
    private static byte[] Decompress(byte[] stored, int payloadLength, string sourceName)
    {
        var payload = new byte[payloadLength];
        if (!BrotliDecoder.TryDecompress(stored, payload, out int written))
            throw Invalid(sourceName, $"corrupt: the payload does not decompress to its declared {payloadLength:N0} bytes");
        if (written != payloadLength)
            throw Invalid(sourceName, $"corrupt: the payload decompresses to {written:N0} bytes, not the declared {payloadLength:N0}");
        return payload;
    }

    private static uint Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> stored)
    {
        uint crc = Crc32.Append(Crc32.Initial, header);
        crc = Crc32.Append(crc, metadata);
        return Crc32.Finish(Crc32.Append(crc, stored));
    }

    private static byte[] EncodeMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0) return [];
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(metadata.Count);
            foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write(value);
            }
        }
        if (buffer.Length > MaxMetadataBytes)
            throw new ArgumentException($"The metadata take {buffer.Length:N0} bytes; at most {MaxMetadataBytes:N0} fit a resource header.", nameof(metadata));
        return buffer.ToArray();
    }

    private static Dictionary<string, string> DecodeMetadata(byte[] bytes, string sourceName)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (bytes.Length == 0) return metadata;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true));
            int count = reader.Read7BitEncodedInt();
            if (count < 0 || count > bytes.Length) throw Invalid(sourceName, $"corrupt metadata: {count} entries in {bytes.Length} bytes");
            for (int i = 0; i < count; i++)
                metadata[reader.ReadString()] = reader.ReadString();
            if (reader.BaseStream.Position != bytes.Length) throw Invalid(sourceName, "corrupt metadata: trailing bytes");
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or DecoderFallbackException)
        {
            throw Invalid(sourceName, "corrupt metadata", e);
        }
        return metadata;
    }
}
