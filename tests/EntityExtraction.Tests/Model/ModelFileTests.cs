using System.Buffers.Binary;
using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class ModelFileTests
{
    internal static ModelData SmallModel()
    {
        int labels = LabelSet.Standard.Count;
        var transitions = Enumerable.Range(0, (labels + 1) * labels).Select(i => i * 0.25f - 3f).ToArray();
        var lexicon = new Lexicon([(Lexicon.Fold(FeatureHash.LowerCase("paris")), LexiconFlags.Place), (Lexicon.Fold(FeatureHash.LowerCase("jean")), LexiconFlags.FirstName)]);
        ulong[] keys = [FeatureHash.Combine(2, FeatureHash.LowerCase("paris")), FeatureHash.Combine(1, 0)];
        var weights = Enumerable.Range(0, keys.Length * labels).Select(i => (i % 5) * 0.5f - 1f).ToArray();
        return new ModelData(LabelSet.Standard.Types, ScoreNormalization.Global, 0.5f, transitions, lexicon, keys, weights);
    }

    private static byte[] Bytes(ModelData model)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(model, stream);
        return stream.ToArray();
    }

    private static NerModel Load(byte[] bytes) => NerModel.Load(new MemoryStream(bytes));

    [Fact]
    public void Round_trip_preserves_everything()
    {
        var original = SmallModel();
        var loaded = Load(Bytes(original)).Data;

        loaded.Types.Should().Equal(original.Types);
        loaded.Normalization.Should().Be(original.Normalization);
        loaded.ConfidenceScale.Should().Be(original.ConfidenceScale);
        loaded.Transitions.Should().Equal(original.Transitions);
        loaded.Lexicon.Entries().Should().Equal(original.Lexicon.Entries());
        loaded.FeatureKeys.Should().BeEquivalentTo(original.FeatureKeys);
        // Weights are stored as half floats; these values are exactly representable.
        for (int f = 0; f < original.FeatureKeys.Length; f++)
        {
            int g = Array.IndexOf(loaded.FeatureKeys, original.FeatureKeys[f]);
            loaded.Weights.AsSpan(g * 7, 7).ToArray().Should().Equal(original.Weights.AsSpan(f * 7, 7).ToArray());
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
