using System.Text;
using EntityExtraction.Storage;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// A compiled gazetteer inside its <see cref="ResourceContainer"/> (kind <see cref="ResourceKind.Gazetteer"/>,
/// Brotli): a string table, then the entries (type, match mode, name, canonical name and aliases as indices into the
/// table). The common-word lexicon of the guard is a resource of its own (<see cref="CommonWordResource"/>).
/// </summary>
internal static class GazetteerResource
{
    /// <summary>Version 2 is the first in the common container; version 1 (0.1) also held the common words.</summary>
    public const int FormatVersion = 2;

    public static void Write(Stream destination, IReadOnlyList<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(entries);
        var strings = new StringTable();
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(entries.Count);
            foreach (var entry in entries)
            {
                writer.Write((byte)entry.Type);
                writer.Write((byte)entry.MatchMode);
                writer.Write7BitEncodedInt(strings.Intern(entry.Name));
                writer.Write7BitEncodedInt(strings.Intern(entry.CanonicalName));
                writer.Write7BitEncodedInt(entry.Aliases.Count);
                foreach (string alias in entry.Aliases)
                    writer.Write7BitEncodedInt(strings.Intern(alias));
            }
        }
        ResourceContainer.Write(destination, ResourceKind.Gazetteer, FormatVersion, 0, null, strings.Prefix(body));
    }

    /// <exception cref="InvalidDataException">Not a compiled gazetteer of this format, or truncated or corrupt; the message starts with <paramref name="sourceName"/>.</exception>
    public static GazetteerEntry[] Read(Stream source, string sourceName)
    {
        var file = ResourceContainer.Read(source, ResourceKind.Gazetteer, ResourceLimits.Gazetteer, sourceName);
        if (file.ContentVersion != FormatVersion)
            throw ResourceContainer.Invalid(sourceName, $"compiled gazetteer format version {file.ContentVersion}; this library ({ResourceContainer.LibraryVersion}) reads version {FormatVersion}; compile it again with this version");
        return StringTable.ReadPayload(file.Payload, sourceName, (reader, strings) =>
        {
            var entries = new GazetteerEntry[StringTable.ReadCount(reader, sourceName)];
            for (int i = 0; i < entries.Length; i++)
            {
                var type = (EntityType)reader.ReadByte();
                var mode = (GazetteerMatchMode)reader.ReadByte();
                if (!Enum.IsDefined(type) || !Enum.IsDefined(mode))
                    throw ResourceContainer.Invalid(sourceName, $"corrupt: entry {i} has an undefined type or match mode");
                string name = strings.Read(reader, sourceName);
                string canonical = strings.Read(reader, sourceName);
                var aliases = new string[StringTable.ReadCount(reader, sourceName)];
                for (int a = 0; a < aliases.Length; a++)
                    aliases[a] = strings.Read(reader, sourceName);
                entries[i] = new GazetteerEntry(name, type, canonical, aliases, mode);
            }
            return entries;
        });
    }
}
