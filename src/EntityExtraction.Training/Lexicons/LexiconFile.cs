using System.Buffers.Binary;
using EntityExtraction.Model;

namespace EntityExtraction.Training.Lexicons;

/// <summary>
/// The compiled lexicon written by <c>build-lexicons</c> and read by <c>train --lexicons</c>: magic
/// <c>"FRNERLEX"</c>, feature schema version (u16), entry count (i32), then folded keys (u32) and flags (u16),
/// then a CRC-32 of everything before it. Training copies it into the model file, which stays self-contained.
/// </summary>
internal static class LexiconFile
{
    private static readonly byte[] Magic = "FRNERLEX"u8.ToArray();

    public static void Write(Lexicon lexicon, string path)
    {
        var entries = lexicon.Entries();
        var bytes = new byte[Magic.Length + 2 + 4 + entries.Count * 6 + 4];
        Magic.CopyTo(bytes, 0);
        int p = Magic.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p), FeatureSchema.Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(p + 2), entries.Count);
        p += 6;
        foreach (var (key, _) in entries) { BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p), key); p += 4; }
        foreach (var (_, flags) in entries) { BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p), (ushort)flags); p += 2; }
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p), Crc32.Compute(bytes.AsSpan(0, p)));
        File.WriteAllBytes(path, bytes);
    }

    public static Lexicon Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Lexicon file '{path}' does not exist.", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 10 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a compiled lexicon file (magic 'FRNERLEX' missing).");
        int schema = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(Magic.Length));
        if (schema != FeatureSchema.Version)
            throw new InvalidDataException($"{path}: compiled for feature schema {schema}, this build uses {FeatureSchema.Version}; rerun build-lexicons.");
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + 2));
        int end = Magic.Length + 6 + count * 6;
        if (count < 0 || end + 4 != bytes.Length)
            throw new InvalidDataException($"{path}: truncated or corrupt lexicon file (entry count {count} does not match its size).");
        if (Crc32.Compute(bytes.AsSpan(0, end)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end)))
            throw new InvalidDataException($"{path}: corrupt lexicon file (checksum mismatch).");
        var entries = new (uint, LexiconFlags)[count];
        int keys = Magic.Length + 6, flags = keys + count * 4;
        for (int i = 0; i < count; i++)
        {
            entries[i] = (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(keys + i * 4)), (LexiconFlags)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(flags + i * 2)));
        }
        return new Lexicon(entries);
    }
}
