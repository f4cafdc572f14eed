using System.Buffers.Binary;
using System.IO.Compression;
using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class ModelFileTests
{
    internal static ModelData SmallModel(LabelScheme scheme = LabelScheme.Bio)
    {
        int labels = LabelSet.ForStandardTypes(scheme).Count;
        var transitions = Enumerable.Range(0, (labels + 1) * labels).Select(i => i * 0.25f - 3f).ToArray();
        var lexicon = new Lexicon([(Lexicon.Fold(FeatureHash.LowerCase("paris")), LexiconFlags.Place), (Lexicon.Fold(FeatureHash.LowerCase("jean")), LexiconFlags.FirstName)]);
        ulong[] keys = [FeatureHash.Combine(2, FeatureHash.LowerCase("paris")), FeatureHash.Combine(1, 0)];
        var weights = Enumerable.Range(0, keys.Length * labels).Select(i => (i % 5) * 0.5f - 1f).ToArray();
        return new ModelData(LabelSet.Standard.Types, scheme, ScoreNormalization.Global, 0.5f, transitions, lexicon, keys, weights);
    }

    private static uint Key(string word) => Lexicon.Fold(FeatureHash.LowerCase(word));

    /// <summary>The small model with a coarse (4 classes) and a fine (16 classes) clustering of three words.</summary>
    private static ModelData SmallModelWithClusters()
        => SmallModel() with { Clusters = new WordClusters([4, 16], [(Key("paris"), [2, 9]), (Key("lyon"), [2, 11]), (Key("mardi"), [4, 16])]) };

    private static byte[] Bytes(ModelData model)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(model, stream);
        return stream.ToArray();
    }

    private static NerModel Load(byte[] bytes) => NerModel.Load(new MemoryStream(bytes));

    /// <summary>
    /// The file as format version 1 wrote it: the same, minus the label scheme byte that follows the entity types.
    /// Built by editing a current file, since version 1 differs from it only there.
    /// </summary>
    private static byte[] AsFormatVersion1(byte[] file) => RewritePayload(AsFormatVersion2(file), 1, payload =>
    {
        int schemeOffset = SchemeOffset(payload);
        payload[schemeOffset].Should().Be((byte)LabelScheme.Bio, "a version 1 file can only hold a BIO model");
        return [.. payload[..schemeOffset], .. payload[(schemeOffset + 1)..]];
    });

    /// <summary>
    /// The file as format version 2 wrote it: the same minus the word-cluster section that ends the payload, which
    /// for a model without clusters is a single 0 byte (no levels).
    /// </summary>
    private static byte[] AsFormatVersion2(byte[] file) => RewritePayload(file, 2, payload =>
    {
        payload[^1].Should().Be(0, "only a model without clusters can be written as version 2");
        return payload[..^1];
    });

    /// <summary>Offset of the label scheme byte in an inflated payload: after the type count and the type codes.</summary>
    private static int SchemeOffset(byte[] payload)
    {
        int offset = 1;
        for (int t = 0; t < payload[0]; t++) offset += 1 + payload[offset]; // length-prefixed short strings
        return offset;
    }

    /// <summary>Inflates the payload, edits it, deflates it back and fixes the header's version, length and checksum.</summary>
    private static byte[] RewritePayload(byte[] file, ushort version, Func<byte[], byte[]> edit)
    {
        const int headerSize = 20;
        var inflated = new MemoryStream();
        using (var inflate = new DeflateStream(new MemoryStream(file, headerSize, file.Length - headerSize), CompressionMode.Decompress))
            inflate.CopyTo(inflated);
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
            deflate.Write(edit(inflated.ToArray()));
        var payload = deflated.ToArray();
        var header = file[..headerSize];
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), version);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), Crc32.Compute(payload));
        return [.. header, .. payload];
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio))]
    [InlineData(nameof(LabelScheme.Bilou))]
    public void Round_trip_preserves_everything(string scheme)
    {
        var original = SmallModel(Enum.Parse<LabelScheme>(scheme));
        var loaded = Load(Bytes(original)).Data;
        AssertSameModel(loaded, original);
    }

    [Fact]
    public void A_format_version_1_file_still_loads_as_bio()
    {
        var original = SmallModel(LabelScheme.Bio);
        var loaded = Load(AsFormatVersion1(Bytes(original))).Data;
        loaded.Scheme.Should().Be(LabelScheme.Bio);
        AssertSameModel(loaded, original);
    }

    [Fact]
    public void A_format_version_2_file_still_loads_without_clusters()
    {
        var original = SmallModel();
        var loaded = Load(AsFormatVersion2(Bytes(original))).Data;
        loaded.Clusters.ClassCounts.Should().BeEmpty();
        AssertSameModel(loaded, original);
    }

    [Fact]
    public void Round_trip_preserves_the_word_clusters()
    {
        var original = SmallModelWithClusters();
        var loaded = Load(Bytes(original)).Data;

        AssertSameModel(loaded, original);
        loaded.Clusters.ClassCounts.Should().Equal(4, 16);
        loaded.Clusters.Lookup(FeatureHash.LowerCase("Lyon")).ToArray().Should().Equal((ushort)2, (ushort)11);
        loaded.Clusters.Lookup(FeatureHash.LowerCase("Marseille")).ToArray().Should().Equal((ushort)0, (ushort)0);
    }

    [Fact]
    public void A_word_cluster_id_beyond_its_class_count_is_refused_naming_it()
    {
        // The payload ends with the fine level's ids, one byte each here: the last word's becomes 99.
        var bytes = RewritePayload(Bytes(SmallModelWithClusters()), ModelFile.FormatVersion, payload =>
        {
            payload[^1] = 99;
            return payload;
        });
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*word-cluster id 99 is outside 1..16*");
    }

    [Fact]
    public void A_truncated_word_cluster_section_is_refused_as_incomplete()
    {
        var bytes = RewritePayload(Bytes(SmallModelWithClusters()), ModelFile.FormatVersion, payload => payload[..^2]);
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*incomplete*");
    }

    [Fact]
    public void An_unknown_label_scheme_is_refused_naming_it()
    {
        var bytes = RewritePayload(Bytes(SmallModel()), ModelFile.FormatVersion, payload =>
        {
            payload[SchemeOffset(payload)] = 7;
            return payload;
        });
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*unknown label scheme 7*");
    }

    private static void AssertSameModel(ModelData loaded, ModelData original)
    {
        int labels = LabelSet.ForStandardTypes(original.Scheme).Count;
        loaded.Types.Should().Equal(original.Types);
        loaded.Scheme.Should().Be(original.Scheme);
        loaded.Normalization.Should().Be(original.Normalization);
        loaded.ConfidenceScale.Should().Be(original.ConfidenceScale);
        loaded.Transitions.Should().Equal(original.Transitions);
        loaded.Lexicon.Entries().Should().Equal(original.Lexicon.Entries());
        loaded.Clusters.ClassCounts.Should().Equal(original.Clusters.ClassCounts);
        loaded.Clusters.Entries().Select(e => (e.Key, string.Join(',', e.Ids)))
            .Should().Equal(original.Clusters.Entries().Select(e => (e.Key, string.Join(',', e.Ids))));
        loaded.FeatureKeys.Should().BeEquivalentTo(original.FeatureKeys);
        // Weights are stored as half floats; these values are exactly representable.
        for (int f = 0; f < original.FeatureKeys.Length; f++)
        {
            int g = Array.IndexOf(loaded.FeatureKeys, original.FeatureKeys[f]);
            loaded.Weights.AsSpan(g * labels, labels).ToArray().Should().Equal(original.Weights.AsSpan(f * labels, labels).ToArray());
        }
    }

    [Fact]
    public void Writing_is_deterministic()
    {
        Bytes(SmallModel()).Should().Equal(Bytes(SmallModel()));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(30)]
    public void A_truncated_file_is_refused_as_truncated(int keep)
    {
        var bytes = Bytes(SmallModel());
        var act = () => Load(bytes[..keep]);
        act.Should().Throw<InvalidDataException>().WithMessage(keep < 8 ? "*magic*" : "*truncated*");
    }

    [Fact]
    public void A_flipped_payload_byte_fails_the_checksum()
    {
        var bytes = Bytes(SmallModel());
        bytes[bytes.Length / 2] ^= 0x40;
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*checksum*");
    }

    [Fact]
    public void A_file_with_another_magic_is_refused()
    {
        var bytes = Bytes(SmallModel());
        bytes[0] = (byte)'X';
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*magic*");
    }

    [Fact]
    public void Another_format_version_is_refused_naming_it()
    {
        var bytes = Bytes(SmallModel());
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 99);
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*format version 99*");
    }

    [Fact]
    public void Another_feature_schema_is_refused_naming_it()
    {
        var bytes = Bytes(SmallModel());
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), (ushort)(FeatureSchema.Version + 1));
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage($"*feature schema {FeatureSchema.Version + 1}*");
    }

    [Fact]
    public void Load_from_a_missing_path_names_the_file()
    {
        var act = () => NerModel.Load("/nonexistent/model.nermodel");
        act.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/model.nermodel*");
    }

    [Fact]
    public void Load_from_a_corrupt_file_names_the_file_and_the_problem()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, "FRNERMDL"u8.ToArray());
            var act = () => NerModel.Load(path);
            act.Should().Throw<InvalidDataException>().WithMessage($"{path}:*truncated*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
