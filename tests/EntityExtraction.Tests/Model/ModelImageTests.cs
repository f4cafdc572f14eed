using System.Buffers.Binary;
using EntityExtraction.Model;
using EntityExtraction.Storage;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Model;

/// <summary>
/// The model image (format 5): the tables stored as the tagger reads them, loaded in place. The same model as its
/// compact file, every check of a model file when it comes from outside, and the embedded default is one.
/// </summary>
public class ModelImageTests
{
    private const string Text = "Jean Dupont est arrivé à Paris mardi avec Marie de Lyon . Paris accueille Jean .";

    private static uint Key(string word) => Lexicon.Fold(FeatureHash.LowerCase(word));

    private static ModelData SmallModelWithClusters()
        => SmallModels.Create() with { Clusters = new WordClusters([4, 16], [(Key("paris"), [2, 9]), (Key("lyon"), [2, 11]), (Key("mardi"), [4, 16])]) };

    private static byte[] Image(ModelData data)
    {
        using var stream = new MemoryStream();
        ModelImage.Write(data, stream);
        return stream.ToArray();
    }

    private static byte[] Compact(ModelData data)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(data, stream);
        return stream.ToArray();
    }

    private static (List<ModelEntity> Entities, List<float> Outside) Tag(NerModel model)
    {
        var tokens = new List<Token>();
        FrenchTokenizer.Default.Tokenize(Text, tokens);
        var entities = new List<ModelEntity>();
        var outside = new List<float>();
        model.Predict(Text, tokens, entities, outside);
        return (entities, outside);
    }

    /// <summary>Takes the payload out of an image, edits it, and stores it back with a valid checksum.</summary>
    private static byte[] RewritePayload(byte[] image, Action<byte[]> edit)
    {
        var resource = ResourceContainer.Read(new MemoryStream(image), ResourceKind.Model, ResourceLimits.Model, "test");
        byte[] payload = resource.Payload.ToArray();
        edit(payload);
        var rewritten = new MemoryStream();
        ResourceContainer.Write(rewritten, ResourceKind.Model, resource.ContentVersion, resource.SchemaVersion, resource.Metadata, payload, ResourceCompression.None);
        return rewritten.ToArray();
    }

    /// <summary>Where the weight table's keys start in a payload: after the head, the counts, and the padding to 8.</summary>
    private static int WeightKeysOffset(byte[] payload, out int capacity)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        ModelFile.ReadHead(reader, "test");
        reader.ReadInt32(); // features
        reader.ReadInt32(); // labels
        capacity = reader.ReadInt32();
        reader.ReadInt32(); // bases
        reader.ReadInt32(); // lexicon capacity
        reader.ReadInt32(); // lexicon count
        int levels = reader.ReadByte();
        for (int level = 0; level < levels; level++) reader.ReadUInt16();
        reader.ReadInt32(); // cluster capacity
        reader.ReadInt32(); // cluster count
        return (int)((reader.BaseStream.Position + 7) & ~7L);
    }

    [Fact]
    public void An_image_tags_exactly_as_the_compact_file_of_the_same_model()
    {
        var data = SmallModelWithClusters();
        var compact = NerModel.Load(new MemoryStream(Compact(data)));
        var image = NerModel.Load(new MemoryStream(Image(data)));

        var expected = Tag(compact);
        var actual = Tag(image);

        expected.Outside.Should().HaveCount(16).And.Contain(p => p < 0.5f, "the small model has an opinion on the tokens");
        actual.Entities.Should().Equal(expected.Entities);
        actual.Outside.Should().Equal(expected.Outside);
        image.FeatureCount.Should().Be(compact.FeatureCount);
        image.Info.FormatVersion.Should().Be(ModelImage.FormatVersion);
        image.EntityTypes.Should().Equal(compact.EntityTypes);
    }

    [Fact]
    public void An_image_is_read_from_a_file_too()
    {
        string path = Path.Combine(Path.GetTempPath(), $"image-{Guid.NewGuid():N}.nermodel");
        File.WriteAllBytes(path, Image(SmallModelWithClusters()));
        try
        {
            Tag(NerModel.Load(path)).Outside.Should().Equal(Tag(NerModel.Load(new MemoryStream(Compact(SmallModelWithClusters())))).Outside);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_embedded_default_model_is_an_image_that_passes_every_check_of_a_model_file()
    {
        var verified = NerModel.LoadDefaultVerified();

        NerModel.Default.Info.FormatVersion.Should().Be(ModelImage.FormatVersion);
        verified.FeatureCount.Should().Be(NerModel.Default.FeatureCount).And.BeGreaterThan(100_000);
        var extractor = FrenchEntityExtractor.CreateBuilder().UseModel(verified).Build();
        string article = File.ReadAllText(Pipeline.SeedArticleTests.FindSeedArticle());
        extractor.Extract(article).Should().Equal(FrenchEntityExtractor.CreateDefault().Extract(article));
    }

    [Fact]
    public void A_model_read_from_an_image_has_no_training_data_and_says_so()
    {
        var image = NerModel.Load(new MemoryStream(Image(SmallModels.Create())));

        var data = () => image.Data;

        data.Should().Throw<InvalidOperationException>().WithMessage("*read from a model image*compact model file*");
    }

    [Fact]
    public void A_flipped_byte_in_an_image_fails_its_checksum()
    {
        byte[] image = Image(SmallModelWithClusters());
        image[^5] ^= 0x40;

        var load = () => NerModel.Load(new MemoryStream(image));

        load.Should().Throw<InvalidDataException>().WithMessage("The model stream: corrupt: the checksum (CRC-32) does not match.");
    }

    [Fact]
    public void A_truncated_image_says_so()
    {
        byte[] image = Image(SmallModelWithClusters());

        var load = () => NerModel.Load(new MemoryStream(image[..^100]));

        load.Should().Throw<InvalidDataException>().WithMessage("The model stream: truncated*");
    }

    [Fact]
    public void A_row_pointing_outside_the_weights_is_refused_before_any_lookup()
    {
        byte[] image = RewritePayload(Image(SmallModels.Create()), payload =>
        {
            int keys = WeightKeysOffset(payload, out int capacity);
            int rows = keys + capacity * sizeof(ulong);
            for (int slot = 0; slot < capacity; slot++)
            {
                if (BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(keys + slot * 8)) != 0)
                    BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(rows + slot * 4), 1 << 20);
            }
        });

        var load = () => NerModel.Load(new MemoryStream(image));

        load.Should().Throw<InvalidDataException>().WithMessage("The model stream: the model image is corrupt: weight-table slot * points at row 1,048,576, outside the weights.");
    }

    [Fact]
    public void A_hash_table_without_an_empty_slot_is_refused_rather_than_searched_for_ever()
    {
        byte[] image = RewritePayload(Image(SmallModels.Create()), payload =>
        {
            int keys = WeightKeysOffset(payload, out int capacity);
            for (int slot = 0; slot < capacity; slot++)
                BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(keys + slot * 8), (ulong)slot + 1);
        });

        var load = () => NerModel.Load(new MemoryStream(image));

        load.Should().Throw<InvalidDataException>().WithMessage("The model stream: the model image is corrupt: its weight table declares 2 entries but holds 16.");
    }

    [Fact]
    public void Sections_that_do_not_end_where_the_payload_does_are_refused()
    {
        var resource = ResourceContainer.Read(new MemoryStream(Image(SmallModels.Create())), ResourceKind.Model, ResourceLimits.Model, "test");
        var longer = new MemoryStream();
        ResourceContainer.Write(longer, ResourceKind.Model, resource.ContentVersion, resource.SchemaVersion, resource.Metadata, [.. resource.Payload, 0, 0, 0, 0, 0, 0, 0, 0], ResourceCompression.None);

        var load = () => NerModel.Load(new MemoryStream(longer.ToArray()));

        load.Should().Throw<InvalidDataException>().WithMessage("The model stream: the model image is corrupt: its tables take * bytes, but the payload holds *.");
    }
}
