using System.Buffers.Binary;
using EntityExtraction.Model;
using EntityExtraction.Storage;

namespace EntityExtraction.Tests.Model;

public class ModelFileTests
{
    private static ModelData SmallModel(LabelScheme scheme = LabelScheme.Bio) => SmallModels.Create(scheme);

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

    /// <summary>Offset of the label scheme byte in a payload: after the type count and the type codes.</summary>
    private static int SchemeOffset(byte[] payload)
    {
        int offset = 1;
        for (int t = 0; t < payload[0]; t++) offset += 1 + payload[offset]; // length-prefixed short strings
        return offset;
    }

    /// <summary>Takes the payload out of its container, edits it and writes it back in a valid container.</summary>
    private static byte[] RewritePayload(byte[] file, Func<byte[], byte[]> edit)
    {
        var resource = ResourceContainer.Read(new MemoryStream(file), ResourceKind.Model, ResourceLimits.Model, "test");
        var rewritten = new MemoryStream();
        ResourceContainer.Write(rewritten, ResourceKind.Model, resource.ContentVersion, resource.SchemaVersion, resource.Metadata, edit(resource.Payload));
        return rewritten.ToArray();
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
    public void Round_trip_preserves_the_models_description()
    {
        var metadata = ModelInfo.Metadata(new DateOnly(2026, 11, 30), ["train/winer.jsonl weight 2", "train/sequoia.conll"], "CC BY 4.0; LGPL-LR", "averaged perceptron");
        var model = NerModel.Load(new MemoryStream(Bytes(SmallModel() with { Metadata = metadata })));

        model.Info.FormatVersion.Should().Be(ModelFile.FormatVersion);
        model.Info.FeatureSchemaVersion.Should().Be(FeatureSchema.Version);
        model.Info.Created.Should().Be(new DateOnly(2026, 11, 30));
        model.Info.TrainingData.Should().Equal("train/winer.jsonl weight 2", "train/sequoia.conll");
        model.Info.DataLicence.Should().Be("CC BY 4.0; LGPL-LR");
        model.Info.Description.Should().Be("averaged perceptron");
        model.Info.ToString().Should().Contain("trained 2026-11-30").And.Contain("train/winer.jsonl weight 2");
    }

    [Fact]
    public void A_model_without_a_description_says_so_with_nulls()
    {
        var info = Load(Bytes(SmallModel())).Info;

        info.Created.Should().BeNull();
        info.TrainingData.Should().BeEmpty();
        info.DataLicence.Should().BeNull();
    }

    [Fact]
    public void The_embedded_model_describes_itself()
    {
        var info = NerModel.Default.Info;

        info.Created.Should().NotBeNull();
        info.TrainingData.Should().NotBeEmpty();
        info.DataLicence.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_model_file_of_version_0_1_is_refused_with_what_to_do()
    {
        // The 0.1 header: magic, format 3, schema 4, a payload length and a checksum.
        byte[] legacy = [.. "FRNERMDL"u8, 3, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var act = () => Load(legacy);
        act.Should().Throw<InvalidDataException>().WithMessage("*EntityExtraction 0.1*train the model again*");
    }

    [Fact]
    public void A_count_larger_than_the_bytes_left_is_refused_before_allocating()
    {
        // The lexicon count follows the transitions; 64 million entries cannot fit the few bytes after it.
        var bytes = RewritePayload(Bytes(SmallModel()), payload =>
        {
            int offset = SchemeOffset(payload) + 1 + 1 + 4;
            int transitions = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(offset));
            BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(offset + 4 + transitions * 4), 64_000_000);
            return payload;
        });
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*lexicon entry count 64,000,000 is corrupt*");
    }

    [Fact]
    public void A_payload_with_a_corrupt_string_length_is_refused_as_invalid_data()
    {
        // Found by fuzzing the payload (tests/EntityExtraction.Fuzzing, target model-payload): 127 entity types, the
        // first one's length a negative 7-bit number; BinaryReader.ReadString threw a bare IOException.
        byte[] payload = [0x7F, 0xFF, 0xF8, 0xF8, 0xF8, 0x0D, 0x64, 0x00, 0x00, 0xF8, 0xF8, 0xF8, 0xF8, 0x00, 0x04, 0x00, 0x00, 0x00];
        var file = new MemoryStream();
        ResourceContainer.Write(file, ResourceKind.Model, ModelFile.FormatVersion, FeatureSchema.Version, null, payload, ResourceCompression.None);

        var act = () => Load(file.ToArray());

        act.Should().Throw<InvalidDataException>().WithMessage("*corrupt*");
    }

    [Theory]
    [InlineData(new byte[] { 0x41 })]             // one ASCII byte
    [InlineData(new byte[] { 0xE2 })]             // the start of a three-byte UTF-8 sequence, alone
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })] // a four-byte sequence cut short
    public void Trailing_bytes_after_the_model_are_refused_as_invalid_data(byte[] trailing)
    {
        // Found by fuzzing the payload: trailing bytes that begin a multi-byte UTF-8 sequence made the check for
        // trailing data throw an ArgumentException from BinaryReader.Read().
        var bytes = RewritePayload(Bytes(SmallModel()), payload => [.. payload, .. trailing]);

        var act = () => Load(bytes);

        act.Should().Throw<InvalidDataException>().WithMessage("*unexpected trailing data*");
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
        var bytes = RewritePayload(Bytes(SmallModelWithClusters()), payload =>
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
        var bytes = RewritePayload(Bytes(SmallModelWithClusters()), payload => payload[..^2]);
        var act = () => Load(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*incomplete*");
    }

    [Fact]
    public void An_unknown_label_scheme_is_refused_naming_it()
    {
        var bytes = RewritePayload(Bytes(SmallModel()), payload =>
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
    [InlineData(40)]
    [InlineData(-1)]
    public void A_truncated_file_is_refused_as_truncated(int keep)
    {
        var bytes = Bytes(SmallModel());
        var act = () => Load(bytes[..(keep < 0 ? bytes.Length - 1 : keep)]);
        act.Should().Throw<InvalidDataException>().WithMessage(keep is >= 0 and < 8 ? "*magic*" : "*truncated*");
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
    public void Another_model_format_version_is_refused_naming_it()
    {
        var act = () => Load(Rewrap(Bytes(SmallModel()), contentVersion: 99, FeatureSchema.Version));
        act.Should().Throw<InvalidDataException>().WithMessage("*model format version 99*newer version*");
    }

    [Fact]
    public void Another_feature_schema_is_refused_naming_it()
    {
        var act = () => Load(Rewrap(Bytes(SmallModel()), ModelFile.FormatVersion, FeatureSchema.Version + 1));
        act.Should().Throw<InvalidDataException>().WithMessage($"*feature schema {FeatureSchema.Version + 1}*train the model again*");
    }

    private static byte[] Rewrap(byte[] file, int contentVersion, int schemaVersion)
    {
        var resource = ResourceContainer.Read(new MemoryStream(file), ResourceKind.Model, ResourceLimits.Model, "test");
        var rewritten = new MemoryStream();
        ResourceContainer.Write(rewritten, ResourceKind.Model, contentVersion, schemaVersion, resource.Metadata, resource.Payload);
        return rewritten.ToArray();
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
            File.WriteAllBytes(path, "EEXTRACT"u8.ToArray());
            var act = () => NerModel.Load(path);
            act.Should().Throw<InvalidDataException>().WithMessage($"{path}:*truncated*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
