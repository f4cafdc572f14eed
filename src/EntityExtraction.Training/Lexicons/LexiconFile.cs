using System.Buffers.Binary;
using EntityExtraction.Model;
using EntityExtraction.Storage;

namespace EntityExtraction.Training.Lexicons;

/// <summary>
/// The compiled lexicon written by <c>build-lexicons</c> and read by <c>train --lexicons</c>, in the common resource
/// container (kind <see cref="ResourceKind.Lexicon"/>, schema <see cref="FeatureSchema.Version"/>): the entry count,
/// then the folded keys (u32) and the flags (u16). Training copies it into the model file, which stays self-contained.
/// </summary>
internal static class LexiconFile
{
    public const int FormatVersion = 1;

    public static void Write(Lexicon lexicon, string path)
    {
        var entries = lexicon.Entries();
        var payload = new byte[4 + entries.Count * 6];
        BinaryPrimitives.WriteInt32LittleEndian(payload, entries.Count);
        int p = 4;
        foreach (var (key, _) in entries) { BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(p), key); p += 4; }
        foreach (var (_, flags) in entries) { BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(p), (ushort)flags); p += 2; }
        using var stream = File.Create(path);
        ResourceContainer.Write(stream, ResourceKind.Lexicon, FormatVersion, FeatureSchema.Version, null, payload);
    }

    public static Lexicon Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Lexicon file '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        var file = ResourceContainer.Read(stream, ResourceKind.Lexicon, ResourceLimits.Lexicon, path);
        if (file.ContentVersion != FormatVersion || file.SchemaVersion != FeatureSchema.Version)
            throw new InvalidDataException($"{path}: compiled as lexicon format {file.ContentVersion} for feature schema {file.SchemaVersion}; this build reads format {FormatVersion}, schema {FeatureSchema.Version}: rerun build-lexicons.");
        var bytes = file.Payload;
        int count = bytes.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : -1;
        if (count < 0 || 4 + (long)count * 6 != bytes.Length)
            throw new InvalidDataException($"{path}: corrupt lexicon file (entry count {count} does not match its size).");
        var entries = new (uint, LexiconFlags)[count];
        int keys = 4, flags = keys + count * 4;
        for (int i = 0; i < count; i++)
        {
            entries[i] = (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(keys + i * 4)), (LexiconFlags)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(flags + i * 2)));
        }
        return new Lexicon(entries);
    }
}
