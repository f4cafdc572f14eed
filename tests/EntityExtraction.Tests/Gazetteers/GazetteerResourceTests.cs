using EntityExtraction.Gazetteers;
using EntityExtraction.Storage;

namespace EntityExtraction.Tests.Gazetteers;

public class GazetteerResourceTests
{
    private static readonly GazetteerEntry[] Entries =
    [
        new("NASA", EntityType.Organization, "NASA", ["Nasa"], GazetteerMatchMode.Exact),
        new("Pékin", EntityType.Location, null, ["Beijing", "Peking"], GazetteerMatchMode.IgnoreCaseAndAccents),
    ];

    private static byte[] Compile()
    {
        using var stream = new MemoryStream();
        GazetteerResource.Write(stream, Entries);
        return stream.ToArray();
    }

    private static Action Reading(byte[] bytes) => () => GazetteerResource.Read(new MemoryStream(bytes), "test.gazetteer");

    [Fact]
    public void Round_trip_preserves_entries()
    {
        var entries = GazetteerResource.Read(new MemoryStream(Compile()), "test.gazetteer");

        entries.Select(e => (e.Name, e.Type, e.CanonicalName, string.Join("|", e.Aliases), e.MatchMode)).Should().Equal(
            ("NASA", EntityType.Organization, "NASA", "Nasa", GazetteerMatchMode.Exact),
            ("Pékin", EntityType.Location, "Pékin", "Beijing|Peking", GazetteerMatchMode.IgnoreCaseAndAccents));
    }

    [Fact]
    public void Round_trip_preserves_common_words_sorted_and_distinct()
    {
        using var stream = new MemoryStream();
        CommonWordResource.Write(stream, ["tours", "orange", "tours"]);

        CommonWordResource.Read(new MemoryStream(stream.ToArray()), "test.commonwords").Should().BeEquivalentTo(["orange", "tours"]);
    }

    [Fact]
    public void A_common_word_lexicon_is_not_read_as_a_gazetteer()
    {
        using var stream = new MemoryStream();
        CommonWordResource.Write(stream, ["orange"]);

        Reading(stream.ToArray()).Should().Throw<InvalidDataException>().WithMessage("test.gazetteer: it holds a common-word lexicon, not a compiled gazetteer*");
    }

    [Fact]
    public void A_gazetteer_of_version_0_1_is_refused_with_what_to_do()
    {
        byte[] legacy = [.. "EEGZ"u8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Reading(legacy).Should().Throw<InvalidDataException>().WithMessage("*EntityExtraction 0.1*build-gazetteer*");
    }

    [Fact]
    public void A_string_index_out_of_range_is_corrupt()
    {
        // Entries refer to the string table by index: the last byte is the last alias's index.
        var bytes = Compile();
        var resource = ResourceContainer.Read(new MemoryStream(bytes), ResourceKind.Gazetteer, ResourceLimits.Gazetteer, "x");
        resource.Payload[^1] = 120;
        using var rewritten = new MemoryStream();
        ResourceContainer.Write(rewritten, ResourceKind.Gazetteer, resource.ContentVersion, 0, null, resource.Payload);

        Reading(rewritten.ToArray()).Should().Throw<InvalidDataException>().WithMessage("*string index 120 out of range*");
    }

    [Fact]
    public void Corrupted_stored_payload_is_rejected()
    {
        var bytes = Compile();
        for (int i = ResourceContainer.HeaderSize; i < bytes.Length; i += 3)
            bytes[i] ^= 0x5A;
        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("*checksum*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(40)]
    public void Truncated_resource_is_rejected(int length)
    {
        Reading(Compile()[..length]).Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void The_embedded_resources_load()
    {
        DefaultGazetteerData.LoadEntries().Should().HaveCountGreaterThan(30_000);
        DefaultGazetteerData.CommonWords.Should().Contain("orange");
    }
}
