using System.Numerics;
using System.Text;
using EntityExtraction.Storage;

namespace EntityExtraction.Model;

/// <summary>
/// The model as its tables lie in memory, stored uncompressed (container content version
/// <see cref="FormatVersion"/>): a short header, then the weight table (keys, rows, folded weights), the lexicon and
/// the word clusters exactly as <see cref="WeightTable"/>, <see cref="Lexicon"/> and <see cref="WordClusters"/> read
/// them. Loading is reading in place: nothing is decompressed, rebuilt or copied, so the embedded default model is
/// ready in the time it takes to check a header, and the pages of the tables are read from the assembly's mapping
/// as lookups reach them (file-backed memory, shared between processes, instead of a private heap copy). The
/// compact Brotli format (<see cref="ModelFile"/>, version 4) stays what training writes; <c>compile-model</c> turns it
/// into this one. Little-endian, sections aligned to 8 bytes from the payload start.
/// </summary>
internal static unsafe class ModelImage
{
    /// <summary>The container content version of a model image (the compact format is <see cref="ModelFile.FormatVersion"/>).</summary>
    public const int FormatVersion = 5;

    /// <summary>Writes the image of <paramref name="data"/>: the same model as its compact file, ready to read in place.</summary>
    public static void Write(ModelData data, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(destination);
        var model = new NerModel(data);
        var weights = model.WeightTable;
        var lexicon = data.Lexicon;
        var clusters = data.Clusters;
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)data.Types.Count);
            foreach (var t in data.Types) w.Write(t.ToCode());
            w.Write((byte)data.Scheme);
            w.Write((byte)data.Normalization);
            w.Write(data.ConfidenceScale);
            w.Write(data.Transitions.Length);
            foreach (float f in data.Transitions) w.Write(f);
            w.Write(data.FeatureKeys.Length);
            w.Write(weights.LabelCount);
            w.Write(weights.Keys.Length);
            w.Write(weights.BaseFeatureCount);
            w.Write(lexicon.Keys.Length);
            w.Write(lexicon.Count);
            w.Write((byte)clusters.ClassCounts.Count);
            foreach (int classes in clusters.ClassCounts) w.Write((ushort)classes);
            w.Write(clusters.ClassCounts.Count == 0 ? 0 : clusters.Keys.Length);
            w.Write(clusters.Count);
            ImageSections.Write(w, weights.Keys);
            ImageSections.Write(w, weights.Rows);
            ImageSections.Write(w, weights.Weights);
            ImageSections.Write(w, lexicon.Keys);
            ImageSections.Write(w, lexicon.Values);
            if (clusters.ClassCounts.Count > 0)
            {
                ImageSections.Write(w, clusters.Keys);
                ImageSections.Write(w, clusters.Ids);
            }
        }
        ResourceContainer.Write(destination, ResourceKind.Model, FormatVersion, FeatureSchema.Version, data.Metadata,
            payload.GetBuffer().AsSpan(0, (int)payload.Length), ResourceCompression.None);
    }

    /// <summary>
    /// Reads a model image in place at <paramref name="resource"/> (the container's first byte), which must stay
    /// valid as long as <paramref name="owner"/> is referenced. With <paramref name="verify"/>, the checksum and
    /// every table are checked (each hash table has an empty slot, every row and cluster id is in bounds), so that a
    /// corrupt file fails here with a message and never reads outside its memory; without it, only the header
    /// and the section sizes — for the assembly's own embedded image, which a test verifies fully.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a model image of this schema, truncated, or corrupt.</exception>
    public static NerModel Read(byte* resource, long length, object owner, string sourceName, bool verify)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Model images are little-endian; this platform is not.");
        var data = new ReadOnlySpan<byte>(resource, (int)Math.Min(length, int.MaxValue));
        var view = ResourceContainer.ReadInPlace(data, ResourceKind.Model, ResourceLimits.Model, sourceName, verify);
        if (view.ContentVersion != FormatVersion)
            throw ResourceContainer.Invalid(sourceName, $"model format version {view.ContentVersion} cannot be read in place; this library reads model images of version {FormatVersion}");
        if (view.SchemaVersion != FeatureSchema.Version)
            throw ResourceContainer.Invalid(sourceName, $"the model was trained with feature schema {view.SchemaVersion}, but this library computes schema {FeatureSchema.Version}; train the model again with this version");
        byte* payload = resource + view.PayloadOffset;
        try
        {
            return ReadPayload(payload, view.PayloadLength, owner, sourceName, verify, view.Metadata);
        }
        catch (EndOfStreamException e)
        {
            throw ResourceContainer.Invalid(sourceName, "the model image is incomplete: its header ends early", e);
        }
        catch (FormatException e)
        {
            throw ResourceContainer.Invalid(sourceName, "the model image is corrupt: a length is badly encoded", e);
        }
        catch (IOException e)
        {
            throw ResourceContainer.Invalid(sourceName, "the model image is corrupt: " + e.Message, e);
        }
    }

    private static NerModel ReadPayload(byte* payload, int length, object owner, string sourceName, bool verify, IReadOnlyDictionary<string, string> metadata)
    {
        using var stream = new UnmanagedMemoryStream(payload, length);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        var (types, scheme, normalization, scale, transitions) = ModelFile.ReadHead(r, sourceName);
        int labels = new LabelSet(types, scheme).Count;
        int featureCount = r.ReadInt32();
        int weightLabels = r.ReadInt32();
        int weightCapacity = r.ReadInt32();
        int baseCount = r.ReadInt32();
        int lexiconCapacity = r.ReadInt32();
        int lexiconCount = r.ReadInt32();
        int levels = r.ReadByte();
        if (levels > WordClusters.MaxLevels)
            throw Corrupt(sourceName, $"{levels} word-cluster levels; at most {WordClusters.MaxLevels} are supported");
        var classCounts = new int[levels];
        for (int level = 0; level < levels; level++)
        {
            classCounts[level] = r.ReadUInt16();
            if (classCounts[level] is 0 or ushort.MaxValue)
                throw Corrupt(sourceName, $"word-cluster level {level} has an invalid class count {classCounts[level]}");
        }
        int clusterCapacity = r.ReadInt32();
        int clusterCount = r.ReadInt32();

        if (weightLabels != labels)
            throw Corrupt(sourceName, $"{weightLabels} weights per feature; {labels} expected");
        if (featureCount < 0 || baseCount < 0 || baseCount > featureCount)
            throw Corrupt(sourceName, $"{baseCount:N0} base features of {featureCount:N0}");
        CheckCapacity(weightCapacity, baseCount, "weight table", sourceName);
        CheckCapacity(lexiconCapacity, lexiconCount, "lexicon", sourceName);
        if (levels > 0) CheckCapacity(clusterCapacity, clusterCount, "word-cluster table", sourceName);
        else if (clusterCapacity != 0 || clusterCount != 0) throw Corrupt(sourceName, "word clusters without levels");

        // Every section's place, then one check that they end exactly where the payload does.
        long at = stream.Position;
        long rowLength = (long)WeightTable.Genres * labels;
        long weightKeys = ImageSections.Next(ref at, weightCapacity, sizeof(ulong));
        long weightRows = ImageSections.Next(ref at, weightCapacity, sizeof(int));
        long weightValues = ImageSections.Next(ref at, baseCount * rowLength, sizeof(float));
        long lexiconKeys = ImageSections.Next(ref at, lexiconCapacity, sizeof(uint));
        long lexiconValues = ImageSections.Next(ref at, lexiconCapacity, sizeof(ushort));
        long clusterKeys = levels == 0 ? 0 : ImageSections.Next(ref at, clusterCapacity, sizeof(uint));
        long clusterIds = levels == 0 ? 0 : ImageSections.Next(ref at, (long)clusterCapacity * levels, sizeof(ushort));
        if (at != length)
            throw Corrupt(sourceName, $"its tables take {at:N0} bytes, but the payload holds {length:N0}");

        var weights = new WeightTable(labels, weightCapacity, baseCount, (ulong*)(payload + weightKeys), (int*)(payload + weightRows), (float*)(payload + weightValues), owner);
        var lexicon = new Lexicon(lexiconCapacity, lexiconCount, (uint*)(payload + lexiconKeys), (ushort*)(payload + lexiconValues), owner);
        var clusters = levels == 0 ? WordClusters.Empty
            : new WordClusters(classCounts, clusterCapacity, clusterCount, (uint*)(payload + clusterKeys), (ushort*)(payload + clusterIds), owner);
        if (verify)
        {
            VerifyWeights(weights, rowLength, sourceName);
            VerifyKeys(lexicon.Keys, lexiconCount, "lexicon", sourceName);
            if (levels > 0) VerifyClusters(clusters, classCounts, sourceName);
        }
        return new NerModel(types, scheme, normalization, scale, transitions, weights, lexicon, clusters, featureCount, metadata);
    }

    private static void CheckCapacity(int capacity, int count, string table, string sourceName)
    {
        if (capacity < 16 || !BitOperations.IsPow2(capacity) || count < 0 || count >= capacity)
            throw Corrupt(sourceName, $"its {table} has {count:N0} entries in {capacity:N0} slots (a power of two with room to spare is expected)");
    }

    private static void VerifyWeights(WeightTable weights, long rowLength, string sourceName)
    {
        VerifyKeys(weights.Keys, weights.BaseFeatureCount, "weight table", sourceName);
        var keys = weights.Keys;
        var rows = weights.Rows;
        long last = (long)weights.BaseFeatureCount * rowLength - rowLength;
        for (int slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] != 0 && (rows[slot] < 0 || rows[slot] > last || rows[slot] % rowLength != 0))
                throw Corrupt(sourceName, $"weight-table slot {slot:N0} points at row {rows[slot]:N0}, outside the weights");
        }
    }

    // A lookup stops at the first empty slot: a table with none would make it search for ever.
    private static void VerifyKeys<T>(ReadOnlySpan<T> keys, int count, string table, string sourceName)
        where T : unmanaged, IEquatable<T>
    {
        int used = keys.Length - keys.Count(default(T));
        if (used != count)
            throw Corrupt(sourceName, $"its {table} declares {count:N0} entries but holds {used:N0}");
    }

    private static void VerifyClusters(WordClusters clusters, int[] classCounts, string sourceName)
    {
        VerifyKeys(clusters.Keys, clusters.Count, "word-cluster table", sourceName);
        var keys = clusters.Keys;
        var ids = clusters.Ids;
        int levels = classCounts.Length;
        for (int slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] == 0) continue;
            for (int level = 0; level < levels; level++)
            {
                int id = ids[slot * levels + level];
                if (id < 1 || id > classCounts[level])
                    throw Corrupt(sourceName, $"word-cluster id {id} is outside 1..{classCounts[level]} (level {level})");
            }
        }
    }

    private static InvalidDataException Corrupt(string sourceName, string problem) =>
        ResourceContainer.Invalid(sourceName, "the model image is corrupt: " + problem);
}
