using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EntityExtraction.Model;

/// <summary>
/// The binary model format. Header (little-endian): magic <c>"FRNERMDL"</c>, format version (u16),
/// feature schema version (u16), payload length (i32), CRC-32 of the payload (u32). The payload is
/// deflate-compressed: types, label scheme (a byte, from version 2 on; version 1 files are BIO), normalisation,
/// confidence scale, transitions, lexicon (sorted 32-bit word keys as varint gaps, then flags) and the emission
/// weights quantised to half precision (sorted 64-bit feature hashes as varint gaps, then the weights label by
/// label), then, from version 3 on, the word clusters (level count, classes per level, sorted 32-bit word keys as
/// varint gaps, then each level's ids). Features are stored by hash only.
/// </summary>
internal static class ModelFile
{
    public const int FormatVersion = 3;

    /// <summary>The version before the label scheme was stored: always BIO. Still read, so older models keep loading.</summary>
    private const int BioOnlyFormatVersion = 1;

    /// <summary>The version before word clusters were stored: no clusters. Still read (reading it costs nothing).</summary>
    private const int ClusterlessFormatVersion = 2;
    private const int HeaderSize = 8 + 2 + 2 + 4 + 4;
    private const int MaxPayload = 512 << 20;
    private static readonly byte[] Magic = "FRNERMDL"u8.ToArray();

    public static void Write(ModelData model, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(destination);
        var payload = new MemoryStream();
        using (var deflate = new DeflateStream(payload, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var w = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)model.Types.Count);
            foreach (var t in model.Types) w.Write(EntityTypeCodes.ToCode(t));
            w.Write((byte)model.Scheme);
            w.Write((byte)model.Normalization);
            w.Write(model.ConfidenceScale);
            w.Write(model.Transitions.Length);
            foreach (float f in model.Transitions) w.Write(f);

            var entries = model.Lexicon.Entries();
            w.Write(entries.Count);
            // Keys ascending, stored as varint gaps: about 2 bytes per word instead of 4.
            uint previousKey = 0;
            foreach (var (key, _) in entries)
            {
                w.Write7BitEncodedInt((int)(key - previousKey));
                previousKey = key;
            }
            foreach (var (_, flags) in entries) w.Write((ushort)flags);

            // Sorted keys, then weights grouped by label: similar values sit together and deflate better.
            int labels = model.FeatureKeys.Length == 0 ? 0 : model.Weights.Length / model.FeatureKeys.Length;
            var order = Enumerable.Range(0, model.FeatureKeys.Length).OrderBy(i => model.FeatureKeys[i]).ToArray();
            w.Write(model.FeatureKeys.Length);
            w.Write(labels);
            ulong previousFeature = 0;
            foreach (int f in order)
            {
                w.Write7BitEncodedInt64((long)(model.FeatureKeys[f] - previousFeature));
                previousFeature = model.FeatureKeys[f];
            }
            for (int l = 0; l < labels; l++)
            {
                foreach (int f in order) w.Write(BitConverter.HalfToUInt16Bits((Half)model.Weights[f * labels + l]));
            }
            WriteClusters(w, model.Clusters);
        }

        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], FeatureSchema.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], Crc32.Compute(bytes));
        destination.Write(header);
        destination.Write(bytes);
    }

    public static ModelData Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> header = stackalloc byte[HeaderSize];
        int got = source.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
        if (got < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException("Not an EntityExtraction model file: the magic number 'FRNERMDL' is missing.");
        if (got < HeaderSize)
            throw new InvalidDataException($"The model file is truncated: its header needs {HeaderSize} bytes, only {got} present.");
        int format = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (format is < BioOnlyFormatVersion or > FormatVersion)
            throw new InvalidDataException($"Unsupported model file format version {format}; this library reads versions {BioOnlyFormatVersion} to {FormatVersion}.");
        int schema = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        if (schema != FeatureSchema.Version)
            throw new InvalidDataException($"The model was built with feature schema {schema}, but this library computes schema {FeatureSchema.Version}; retrain the model with this version.");
        int length = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        if (length is < 0 or > MaxPayload)
            throw new InvalidDataException($"The model file header is corrupt: payload length {length} is out of range.");

        var payload = new byte[length];
        got = source.ReadAtLeast(payload, length, throwOnEndOfStream: false);
        if (got < length)
            throw new InvalidDataException($"The model file is truncated: the payload should be {length} bytes, only {got} present.");
        if (Crc32.Compute(payload) != crc)
            throw new InvalidDataException("The model file is corrupt: the payload checksum (CRC-32) does not match.");

        var inflated = new MemoryStream();
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(payload), CompressionMode.Decompress);
            inflate.CopyTo(inflated);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException("The model file payload cannot be decompressed: it is corrupt.", e);
        }
        inflated.Position = 0;
        try
        {
            using var r = new BinaryReader(inflated, Encoding.UTF8);
            return ReadPayload(r, format);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The model file payload is incomplete: it ends before the weights do.", e);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("The model file payload is corrupt: a length or key is badly encoded.", e);
        }
    }

    private static ModelData ReadPayload(BinaryReader r, int format)
    {
        int typeCount = r.ReadByte();
        var types = new EntityType[typeCount];
        for (int i = 0; i < typeCount; i++)
        {
            string code = r.ReadString();
            if (!EntityTypeCodes.TryParseCode(code, out types[i]))
                throw new InvalidDataException($"The model file names an unknown entity type '{code}'.");
        }
        if (typeCount == 0 || types.Distinct().Count() != typeCount)
            throw new InvalidDataException("The model file's entity types are empty or repeated.");
        var scheme = format == BioOnlyFormatVersion ? LabelScheme.Bio : (LabelScheme)r.ReadByte();
        if (scheme is not (LabelScheme.Bio or LabelScheme.Bilou))
            throw new InvalidDataException($"The model file names an unknown label scheme {(int)scheme}.");
        var normalization = (ScoreNormalization)r.ReadByte();
        if (normalization is not (ScoreNormalization.Global or ScoreNormalization.Local))
            throw new InvalidDataException($"The model file names an unknown score normalisation {(int)normalization}.");
        float scale = r.ReadSingle();
        int labels = new LabelSet(types, scheme).Count;
        int transitionCount = r.ReadInt32();
        if (transitionCount != (labels + 1) * labels)
            throw new InvalidDataException($"The model file's transition matrix has {transitionCount} entries; {(labels + 1) * labels} expected.");
        var transitions = new float[transitionCount];
        for (int i = 0; i < transitionCount; i++) transitions[i] = r.ReadSingle();

        int lexiconCount = CheckedCount(r.ReadInt32(), "lexicon entry");
        var keys = new uint[lexiconCount];
        uint key = 0;
        for (int i = 0; i < lexiconCount; i++) keys[i] = key += (uint)r.Read7BitEncodedInt();
        var flags = new ushort[lexiconCount];
        for (int i = 0; i < lexiconCount; i++) flags[i] = r.ReadUInt16();

        int featureCount = CheckedCount(r.ReadInt32(), "feature");
        int weightLabels = r.ReadInt32();
        if (weightLabels != labels && featureCount > 0)
            throw new InvalidDataException($"The model file stores {weightLabels} weights per feature; {labels} expected.");
        var featureKeys = new ulong[featureCount];
        ulong feature = 0;
        for (int i = 0; i < featureCount; i++) featureKeys[i] = feature += (ulong)r.Read7BitEncodedInt64();
        var weights = new float[featureCount * labels];
        for (int l = 0; l < labels && featureCount > 0; l++)
        {
            for (int f = 0; f < featureCount; f++) weights[f * labels + l] = (float)BitConverter.UInt16BitsToHalf(r.ReadUInt16());
        }
        var clusters = format > ClusterlessFormatVersion ? ReadClusters(r) : WordClusters.Empty;
        if (r.Read() != -1)
            throw new InvalidDataException("The model file payload has unexpected trailing data.");
        Lexicon lexicon;
        try
        {
            lexicon = Lexicon.FromSortedKeys(keys, flags);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The model file's lexicon is corrupt: {e.Message}", e);
        }
        return new ModelData(types, scheme, normalization, scale, transitions, lexicon, featureKeys, weights) { Clusters = clusters };
    }

    private static void WriteClusters(BinaryWriter w, WordClusters clusters)
    {
        w.Write((byte)clusters.ClassCounts.Count);
        if (clusters.ClassCounts.Count == 0) return;
        foreach (int classes in clusters.ClassCounts) w.Write((ushort)classes);
        var entries = clusters.Entries();
        w.Write(entries.Count);
        uint previousKey = 0;
        foreach (var (key, _) in entries)
        {
            w.Write7BitEncodedInt((int)(key - previousKey));
            previousKey = key;
        }
        for (int level = 0; level < clusters.ClassCounts.Count; level++)
        {
            foreach (var (_, ids) in entries) w.Write7BitEncodedInt(ids[level]);
        }
    }

    private static WordClusters ReadClusters(BinaryReader r)
    {
        int levels = r.ReadByte();
        if (levels == 0) return WordClusters.Empty;
        if (levels > WordClusters.MaxLevels)
            throw new InvalidDataException($"The model file has {levels} word-cluster levels; at most {WordClusters.MaxLevels} are supported.");
        var classCounts = new int[levels];
        for (int level = 0; level < levels; level++)
        {
            classCounts[level] = r.ReadUInt16();
            if (classCounts[level] is 0 or ushort.MaxValue)
                throw new InvalidDataException($"The model file's word-cluster level {level} has an invalid class count {classCounts[level]}.");
        }
        int count = CheckedCount(r.ReadInt32(), "word-cluster entry");
        var entries = new (uint Key, ushort[] Ids)[count];
        uint key = 0;
        for (int i = 0; i < count; i++)
        {
            uint gap = (uint)r.Read7BitEncodedInt();
            if (gap == 0) throw new InvalidDataException("The model file's word-cluster keys are not strictly increasing.");
            entries[i] = (key += gap, new ushort[levels]);
        }
        for (int level = 0; level < levels; level++)
        {
            for (int i = 0; i < count; i++)
            {
                int id = r.Read7BitEncodedInt();
                if (id < 1 || id > classCounts[level])
                    throw new InvalidDataException($"The model file's word-cluster id {id} is outside 1..{classCounts[level]} (level {level}).");
                entries[i].Ids[level] = (ushort)id;
            }
        }
        return new WordClusters(classCounts, entries);
    }

    private static int CheckedCount(int count, string what)
        => count is >= 0 and <= 64_000_000 ? count : throw new InvalidDataException($"The model file's {what} count {count} is out of range.");
}
