using EntityExtraction.Gazetteers;

namespace EntityExtraction.Tests.Gazetteers;

public class GazetteerResourceTests
{
    private static byte[] Compile()
    {
        var entries = new[]
        {
            new GazetteerEntry("NASA", EntityType.Organization, "NASA", ["Nasa"], GazetteerMatchMode.Exact),
            new GazetteerEntry("Pékin", EntityType.Location, null, ["Beijing", "Peking"], GazetteerMatchMode.IgnoreCaseAndAccents),
        };
        using var stream = new MemoryStream();
        GazetteerResource.Write(stream, entries, ["orange", "tours"]);
        return stream.ToArray();
    }

    private static Action Reading(byte[] bytes) => () => GazetteerResource.Read(new MemoryStream(bytes), "test.gazetteer");

    [Fact]
    public void Round_trip_preserves_entries_and_common_words()
    {
        var (entries, commonWords) = GazetteerResource.Read(new MemoryStream(Compile()), "test.gazetteer");

        entries.Select(e => (e.Name, e.Type, e.CanonicalName, string.Join("|", e.Aliases), e.MatchMode)).Should().Equal(
            ("NASA", EntityType.Organization, "NASA", "Nasa", GazetteerMatchMode.Exact),
            ("Pékin", EntityType.Location, "Pékin", "Beijing|Peking", GazetteerMatchMode.IgnoreCaseAndAccents));
        commonWords.Should().BeEquivalentTo(["orange", "tours"]);
    }

    [Fact]
    public void Wrong_magic_is_rejected()
    {
        var bytes = Compile();
        bytes[0] = (byte)'X';
        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("*test.gazetteer*magic*");
    }

    [Fact]
    public void Unknown_version_is_rejected()
    {
        var bytes = Compile();
        bytes[4] = 99;
        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("*version 99*");
    }

    [Fact]
    public void Altered_checksum_is_rejected()
    {
        var bytes = Compile();
        bytes[12] ^= 0xFF;
        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("*checksum*");
    }

    [Fact]
    public void Corrupted_compressed_payload_is_rejected()
    {
        var bytes = Compile();
        for (int i = 20; i < bytes.Length; i += 3)
            bytes[i] ^= 0x5A;
        Reading(bytes).Should().Throw<InvalidDataException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(25)]
    public void Truncated_resource_is_rejected(int length)
    {
        Reading(Compile()[..length]).Should().Throw<InvalidDataException>();
    }
}
