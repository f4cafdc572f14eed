using System.Text;

namespace EntityExtraction.Storage;

/// <summary>
/// Strings written once and referred to by index, as resource payloads store names that repeat (a canonical name
/// equal to the name, aliases shared by entries); and the bounded reading of such payloads.
/// </summary>
internal sealed class StringTable
{
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);
    private readonly string[] _read = [];

    public StringTable()
    {
    }

    private StringTable(string[] read) => _read = read;

    /// <summary>The index of <paramref name="value"/>, added to the table if new.</summary>
    public int Intern(string value)
    {
        if (!_indices.TryGetValue(value, out int index))
        {
            index = _strings.Count;
            _strings.Add(value);
            _indices.Add(value, index);
        }
        return index;
    }

    /// <summary>The payload: the table, then <paramref name="body"/>, whose indices refer to it.</summary>
    public byte[] Prefix(MemoryStream body)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(_strings.Count);
            foreach (string s in _strings)
                writer.Write(s);
            writer.Write(body.GetBuffer(), 0, (int)body.Length);
        }
        return payload.ToArray();
    }

    /// <summary>Reads a string by its index.</summary>
    public string Read(BinaryReader reader, string sourceName)
    {
        int index = reader.Read7BitEncodedInt();
        if ((uint)index >= (uint)_read.Length)
            throw ResourceContainer.Invalid(sourceName, $"corrupt: string index {index} out of range");
        return _read[index];
    }

    /// <summary>A count that the bytes left can hold (every item takes at least one byte).</summary>
    public static int ReadCount(BinaryReader reader, string sourceName)
    {
        int count = reader.Read7BitEncodedInt();
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || count > left)
            throw ResourceContainer.Invalid(sourceName, $"corrupt: a count of {count:N0} with {left:N0} bytes left");
        return count;
    }

    /// <summary>
    /// Reads a whole payload with <paramref name="read"/>, after its string table when <paramref name="withTable"/>;
    /// bytes left over, a bad length or bad UTF-8 make it corrupt.
    /// </summary>
    public static T ReadPayload<T>(byte[] payload, string sourceName, Func<BinaryReader, StringTable, T> read, bool withTable = true)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true));
            var table = new StringTable();
            if (withTable)
            {
                var strings = new string[ReadCount(reader, sourceName)];
                for (int i = 0; i < strings.Length; i++)
                    strings[i] = reader.ReadString();
                table = new StringTable(strings);
            }
            T result = read(reader, table);
            if (reader.BaseStream.Position != payload.Length)
                throw ResourceContainer.Invalid(sourceName, "corrupt: trailing bytes after the payload");
            return result;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException or DecoderFallbackException)
        {
            throw ResourceContainer.Invalid(sourceName, "corrupt: malformed payload", e);
        }
    }
}
