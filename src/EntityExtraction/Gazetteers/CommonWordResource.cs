using System.Text;
using EntityExtraction.Storage;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// The common-word lexicon of the gazetteer guard inside its <see cref="ResourceContainer"/> (kind
/// <see cref="ResourceKind.CommonWords"/>): lower-case French words, sorted, that are also single-word names
/// ("orange", "tours"). Its own small resource, so that a gazetteer of the caller's own names is guarded without
/// loading the default gazetteer.
/// </summary>
internal static class CommonWordResource
{
    public const int FormatVersion = 1;

    public static void Write(Stream destination, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(words);
        var sorted = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(sorted.Count);
            foreach (string word in sorted)
                writer.Write(word);
        }
        ResourceContainer.Write(destination, ResourceKind.CommonWords, FormatVersion, 0, null, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    /// <exception cref="InvalidDataException">Not a common-word lexicon of this format, or truncated or corrupt.</exception>
    public static HashSet<string> Read(Stream source, string sourceName)
    {
        var file = ResourceContainer.Read(source, ResourceKind.CommonWords, ResourceLimits.CommonWords, sourceName);
        if (file.ContentVersion != FormatVersion)
            throw ResourceContainer.Invalid(sourceName, $"common-word lexicon format version {file.ContentVersion}; this library ({ResourceContainer.LibraryVersion}) reads version {FormatVersion}");
        return StringTable.ReadPayload(file.Payload, sourceName, (reader, _) =>
        {
            int count = StringTable.ReadCount(reader, sourceName);
            var words = new HashSet<string>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
                words.Add(reader.ReadString());
            return words;
        }, withTable: false);
    }
}
