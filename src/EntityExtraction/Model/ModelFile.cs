using System.Text;
using EntityExtraction.Storage;

namespace EntityExtraction.Model;

/// <summary>
/// The model inside its <see cref="ResourceContainer"/> (kind <see cref="ResourceKind.Model"/>, schema
/// <see cref="FeatureSchema.Version"/>, Brotli, the <see cref="ModelInfo"/> facts as metadata). The payload: entity
/// types, label scheme, normalisation, confidence scale, transitions, lexicon (sorted 32-bit word keys as varint
/// gaps, then flags), the emission weights quantised to half precision (sorted 64-bit feature hashes as varint gaps,
/// then the weights label by label), and the word clusters (level count, classes per level, sorted 32-bit word keys
/// as varint gaps, then each level's ids). Features are stored by hash only.
/// </summary>
internal static class ModelFile
{
    /// <summary>The payload layout written and read. Version 4 is the first in the common container; 1–3 were the
    /// 0.1 format, refused with a message that says to retrain.</summary>
    public const int FormatVersion = 4;

    public static void Write(ModelData model, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(destination);
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)model.Types.Count);
            foreach (var t in model.Types) w.Write(t.ToCode());
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

            // Sorted keys, then weights grouped by label: similar values sit together and compress better.
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
        ResourceContainer.Write(destination, ResourceKind.Model, FormatVersion, FeatureSchema.Version, model.Metadata, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    /// <exception cref="InvalidDataException">Not a model of this format and feature schema, or truncated, corrupt or
    /// inconsistent; the message starts with <paramref name="sourceName"/> and names the problem.</exception>
    public static ModelData Read(Stream source, string sourceName)
    {
        var file = ResourceContainer.Read(source, ResourceKind.Model, ResourceLimits.Model, sourceName);
        if (file.ContentVersion != FormatVersion)
            throw ResourceContainer.Invalid(sourceName, $"model format version {file.ContentVersion}; this library ({ResourceContainer.LibraryVersion}) reads version {FormatVersion}" +
                (file.ContentVersion > FormatVersion ? ": it was written by a newer version of EntityExtraction" : "; train the model again with this version"));
        if (file.SchemaVersion != FeatureSchema.Version)
            throw ResourceContainer.Invalid(sourceName, $"the model was trained with feature schema {file.SchemaVersion}, but this library computes schema {FeatureSchema.Version}; train the model again with this version");
        try
        {
            using var r = new BinaryReader(new MemoryStream(file.Payload, writable: false), Encoding.UTF8);
            return ReadPayload(r, sourceName) with { Metadata = file.Metadata };
        }
        catch (EndOfStreamException e)
        {
            throw ResourceContainer.Invalid(sourceName, "the model payload is incomplete: it ends before the weights do", e);
        }
        catch (FormatException e)
        {
            throw ResourceContainer.Invalid(sourceName, "the model payload is corrupt: a length or key is badly encoded", e);
        }
        catch (IOException e)
        {
            // BinaryReader's own refusals (a negative string length) — found by fuzzing the payload.
            throw ResourceContainer.Invalid(sourceName, "the model payload is corrupt: " + e.Message, e);
        }
    }

    // Entity type codes are a few letters: a length outside that is corruption, refused before reading.
    private static string ReadTypeCode(BinaryReader r, string sourceName)
    {
        int length = r.Read7BitEncodedInt();
        if (length is < 1 or > 32)
            throw ResourceContainer.Invalid(sourceName, $"the model payload is corrupt: an entity type code of {length} bytes");
        byte[] bytes = r.ReadBytes(length);
        if (bytes.Length < length) throw new EndOfStreamException();
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The start both model formats share: entity types, label scheme, normalisation, confidence scale, transitions.</summary>
    internal static (EntityType[] Types, LabelScheme Scheme, ScoreNormalization Normalization, float Scale, float[] Transitions) ReadHead(BinaryReader r, string sourceName)
    {
        int typeCount = r.ReadByte();
        var types = new EntityType[typeCount];
        for (int i = 0; i < typeCount; i++)
        {
            string code = ReadTypeCode(r, sourceName);
            if (!EntityTypeCodes.TryParseCode(code, out types[i]))
                throw ResourceContainer.Invalid(sourceName, $"the model names an unknown entity type '{code}'");
        }
        if (typeCount == 0 || types.Distinct().Count() != typeCount)
            throw ResourceContainer.Invalid(sourceName, "the model's entity types are empty or repeated");
        var scheme = (LabelScheme)r.ReadByte();
        if (scheme is not (LabelScheme.Bio or LabelScheme.Bilou))
            throw ResourceContainer.Invalid(sourceName, $"the model names an unknown label scheme {(int)scheme}");
        var normalization = (ScoreNormalization)r.ReadByte();
        if (normalization is not (ScoreNormalization.Global or ScoreNormalization.Local))
            throw ResourceContainer.Invalid(sourceName, $"the model names an unknown score normalisation {(int)normalization}");
        float scale = r.ReadSingle();
        int labels = new LabelSet(types, scheme).Count;
        int transitionCount = r.ReadInt32();
        if (transitionCount != (labels + 1) * labels)
            throw ResourceContainer.Invalid(sourceName, $"the model's transition matrix has {transitionCount} entries; {(labels + 1) * labels} expected");
        var transitions = new float[transitionCount];
        for (int i = 0; i < transitionCount; i++) transitions[i] = r.ReadSingle();
        return (types, scheme, normalization, scale, transitions);
    }

    private static ModelData ReadPayload(BinaryReader r, string sourceName)
    {
        var (types, scheme, normalization, scale, transitions) = ReadHead(r, sourceName);
        int labels = new LabelSet(types, scheme).Count;

        // Every count is checked against the bytes left (each item takes at least bytesEach): a corrupt count fails
        // here instead of allocating gigabytes.
        int lexiconCount = CheckedCount(r, r.ReadInt32(), bytesEach: 3, "lexicon entry", sourceName);
        var keys = new uint[lexiconCount];
        uint key = 0;
        for (int i = 0; i < lexiconCount; i++) keys[i] = key += (uint)r.Read7BitEncodedInt();
        var flags = new ushort[lexiconCount];
        for (int i = 0; i < lexiconCount; i++) flags[i] = r.ReadUInt16();

        int featureCount = CheckedCount(r, r.ReadInt32(), bytesEach: 1 + 2 * labels, "feature", sourceName);
        int weightLabels = r.ReadInt32();
        if (weightLabels != labels && featureCount > 0)
            throw ResourceContainer.Invalid(sourceName, $"the model stores {weightLabels} weights per feature; {labels} expected");
        var featureKeys = new ulong[featureCount];
        ulong feature = 0;
        for (int i = 0; i < featureCount; i++) featureKeys[i] = feature += (ulong)r.Read7BitEncodedInt64();
        var weights = new float[featureCount * labels];
        for (int l = 0; l < labels && featureCount > 0; l++)
        {
            for (int f = 0; f < featureCount; f++) weights[f * labels + l] = (float)BitConverter.UInt16BitsToHalf(r.ReadUInt16());
        }
        var clusters = ReadClusters(r, sourceName);
        // A byte count, not BinaryReader.Read(): that decodes a character, and trailing bytes that start a multi-byte
        // UTF-8 sequence made it throw an ArgumentException (found by fuzzing the payload).
        if (r.BaseStream.Position != r.BaseStream.Length)
            throw ResourceContainer.Invalid(sourceName, "the model payload has unexpected trailing data");
        Lexicon lexicon;
        try
        {
            lexicon = Lexicon.FromSortedKeys(keys, flags);
        }
        catch (ArgumentException e)
        {
            throw ResourceContainer.Invalid(sourceName, $"the model's lexicon is corrupt: {e.Message}", e);
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

    private static WordClusters ReadClusters(BinaryReader r, string sourceName)
    {
        int levels = r.ReadByte();
        if (levels == 0) return WordClusters.Empty;
        if (levels > WordClusters.MaxLevels)
            throw ResourceContainer.Invalid(sourceName, $"the model has {levels} word-cluster levels; at most {WordClusters.MaxLevels} are supported");
        var classCounts = new int[levels];
        for (int level = 0; level < levels; level++)
        {
            classCounts[level] = r.ReadUInt16();
            if (classCounts[level] is 0 or ushort.MaxValue)
                throw ResourceContainer.Invalid(sourceName, $"the model's word-cluster level {level} has an invalid class count {classCounts[level]}");
        }
        int count = CheckedCount(r, r.ReadInt32(), bytesEach: 1 + levels, "word-cluster entry", sourceName);
        var entries = new (uint Key, ushort[] Ids)[count];
        uint key = 0;
        for (int i = 0; i < count; i++)
        {
            uint gap = (uint)r.Read7BitEncodedInt();
            if (gap == 0) throw ResourceContainer.Invalid(sourceName, "the model's word-cluster keys are not strictly increasing");
            entries[i] = (key += gap, new ushort[levels]);
        }
        for (int level = 0; level < levels; level++)
        {
            for (int i = 0; i < count; i++)
            {
                int id = r.Read7BitEncodedInt();
                if (id < 1 || id > classCounts[level])
                    throw ResourceContainer.Invalid(sourceName, $"the model's word-cluster id {id} is outside 1..{classCounts[level]} (level {level})");
                entries[i].Ids[level] = (ushort)id;
            }
        }
        return new WordClusters(classCounts, entries);
    }

    private static int CheckedCount(BinaryReader r, int count, int bytesEach, string what, string sourceName)
    {
        long left = r.BaseStream.Length - r.BaseStream.Position;
        if (count < 0 || (long)count * bytesEach > left)
            throw ResourceContainer.Invalid(sourceName, $"the model's {what} count {count:N0} is corrupt: the {left:N0} bytes left cannot hold them");
        return count;
    }
}
