using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// The compiled gazetteer format: an 18-byte header (magic <c>EEGZ</c>, version, payload length, FNV-1a
/// checksum of the payload) followed by the Brotli-compressed payload — a string table, the entries as
/// indices into it, and the common-word lexicon used by the guard.
/// </summary>
internal static class GazetteerResource
{
    public const ushort Version = 1;
    private const int HeaderLength = 18;
    private static readonly byte[] s_magic = "EEGZ"u8.ToArray();

    public static void Write(Stream destination, IReadOnlyList<GazetteerEntry> entries, IEnumerable<string> commonWords)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(commonWords);

        var strings = new List<string>();
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        int Intern(string s)
        {
            if (!indices.TryGetValue(s, out int index))
            {
                index = strings.Count;
                strings.Add(s);
                indices.Add(s, index);
            }
            return index;
        }

        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(entries.Count);
            foreach (var entry in entries)
            {
                writer.Write((byte)entry.Type);
                writer.Write((byte)entry.MatchMode);
                writer.Write7BitEncodedInt(Intern(entry.Name));
                writer.Write7BitEncodedInt(Intern(entry.CanonicalName));
                writer.Write7BitEncodedInt(entry.Aliases.Count);
                foreach (string alias in entry.Aliases)
                    writer.Write7BitEncodedInt(Intern(alias));
            }
            var words = commonWords.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            writer.Write7BitEncodedInt(words.Count);
            foreach (string word in words)
                writer.Write7BitEncodedInt(Intern(word));
        }

        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(strings.Count);
            foreach (string s in strings)
                writer.Write(s);
            writer.Write(body.GetBuffer(), 0, (int)body.Length);
        }

        var payloadBytes = payload.ToArray();
        Span<byte> header = stackalloc byte[HeaderLength];
        s_magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[6..], payloadBytes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[10..], Checksum(payloadBytes));
        destination.Write(header);
        using var brotli = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        brotli.Write(payloadBytes);
    }

    public static (GazetteerEntry[] Entries, HashSet<string> CommonWords) Read(Stream source, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> header = stackalloc byte[HeaderLength];
        if (source.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength)
            throw Corrupt(sourceName, "shorter than its header");
        if (!header[..4].SequenceEqual(s_magic))
            throw Corrupt(sourceName, "bad magic number (not a compiled gazetteer)");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version != Version)
            throw Corrupt(sourceName, $"unsupported format version {version} (expected {Version})");
        int length = BinaryPrimitives.ReadInt32LittleEndian(header[6..]);
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(header[10..]);
        if (length < 0 || length > 512 * 1024 * 1024)
            throw Corrupt(sourceName, $"implausible payload length {length}");

        var payload = new byte[length];
        int read;
        try
        {
            using var brotli = new BrotliStream(source, CompressionMode.Decompress, leaveOpen: true);
            read = brotli.ReadAtLeast(payload, length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            throw Corrupt(sourceName, "the compressed payload cannot be decompressed", e);
        }
        if (read < length)
            throw Corrupt(sourceName, "truncated payload");
        if (Checksum(payload) != checksum)
            throw Corrupt(sourceName, "checksum mismatch");

        try
        {
            return ReadPayload(payload, sourceName);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException or DecoderFallbackException)
        {
            throw Corrupt(sourceName, "malformed payload", e);
        }
    }

    private static (GazetteerEntry[] Entries, HashSet<string> CommonWords) ReadPayload(byte[] payload, string sourceName)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        var strings = new string[ReadCount(reader, sourceName)];
        for (int i = 0; i < strings.Length; i++)
            strings[i] = reader.ReadString();

        string ReadString() => strings[ReadIndex(reader, strings.Length, sourceName)];

        var entries = new GazetteerEntry[ReadCount(reader, sourceName)];
        for (int i = 0; i < entries.Length; i++)
        {
            var type = (EntityType)reader.ReadByte();
            var mode = (GazetteerMatchMode)reader.ReadByte();
            if (!Enum.IsDefined(type) || !Enum.IsDefined(mode))
                throw Corrupt(sourceName, $"entry {i} has an undefined type or match mode");
            string name = ReadString();
            string canonical = ReadString();
            var aliases = new string[ReadCount(reader, sourceName)];
            for (int a = 0; a < aliases.Length; a++)
                aliases[a] = ReadString();
            entries[i] = new GazetteerEntry(name, type, canonical, aliases, mode);
        }

        int wordCount = ReadCount(reader, sourceName);
        var commonWords = new HashSet<string>(wordCount, StringComparer.Ordinal);
        for (int i = 0; i < wordCount; i++)
            commonWords.Add(ReadString());
        if (reader.BaseStream.Position != payload.Length)
            throw Corrupt(sourceName, "trailing bytes after the payload");
        return (entries, commonWords);
    }

    private static int ReadCount(BinaryReader reader, string sourceName)
    {
        int count = reader.Read7BitEncodedInt();
        if (count < 0 || count > reader.BaseStream.Length)
            throw Corrupt(sourceName, $"implausible count {count}");
        return count;
    }

    private static int ReadIndex(BinaryReader reader, int limit, string sourceName)
    {
        int index = reader.Read7BitEncodedInt();
        if ((uint)index >= (uint)limit)
            throw Corrupt(sourceName, $"string index {index} out of range");
        return index;
    }

    private static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in data)
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    private static InvalidDataException Corrupt(string sourceName, string problem, Exception? inner = null) =>
        new($"Compiled gazetteer '{sourceName}' is corrupt: {problem}.", inner);
}
