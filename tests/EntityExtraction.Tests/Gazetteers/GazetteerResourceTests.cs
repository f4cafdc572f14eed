using System.Buffers.Binary;
using EntityExtraction.Gazetteers;
using EntityExtraction.Storage;

namespace EntityExtraction.Tests.Gazetteers;

/// <summary>
/// The compiled gazetteer image (format 3): entries, surfaces and tries stored as matching reads them. Written from a
/// built gazetteer and read back, it must be the same gazetteer; damaged, it must fail with a message.
/// </summary>
public class GazetteerResourceTests
{
    private static readonly GazetteerEntry[] Entries =
    [
        new("NASA", EntityType.Organization, "NASA", ["Nasa"], GazetteerMatchMode.Exact),
        new("Pékin", EntityType.Location, null, ["Beijing", "Peking"], GazetteerMatchMode.IgnoreCaseAndAccents),
        new("Banque de France", EntityType.Organization, null, ["BdF"], GazetteerMatchMode.IgnoreCase),
        new("Orange", EntityType.Organization, "Orange SA", [], GazetteerMatchMode.IgnoreCase),
    ];

    private static readonly HashSet<string> CommonWords = new(["orange"], StringComparer.Ordinal);

    private const string Text = "La NASA et la banque de France à PEKIN, puis Beijing ; Orange a signé, une orange mûre. BdF.";

    private static byte[] Compile()
    {
        using var stream = new MemoryStream();
        GazetteerResource.Write(stream, Gazetteer.Create(Entries, CommonWords));
        return stream.ToArray();
    }

    private static Gazetteer Read(byte[] bytes) => GazetteerResource.ReadVerified(bytes, CommonWords, "test.gazetteer");

    private static Action Reading(byte[] bytes) => () => Read(bytes);

    /// <summary>Takes the payload out of an image, edits it, and stores it back with a valid checksum.</summary>
    private static byte[] RewritePayload(byte[] image, Action<byte[]> edit)
    {
        var resource = ResourceContainer.Read(new MemoryStream(image), ResourceKind.Gazetteer, ResourceLimits.Gazetteer, "test");
        byte[] payload = resource.Payload.ToArray();
        edit(payload);
        var rewritten = new MemoryStream();
        ResourceContainer.Write(rewritten, ResourceKind.Gazetteer, resource.ContentVersion, 0, null, payload, ResourceCompression.None);
        return rewritten.ToArray();
    }

    [Fact]
    public void Round_trip_preserves_entries()
    {
        var entries = Read(Compile()).Entries;

        entries.Select(e => (e.Name, e.Type, e.CanonicalName, string.Join("|", e.Aliases), e.MatchMode)).Should().Equal(
            ("NASA", EntityType.Organization, "NASA", "Nasa", GazetteerMatchMode.Exact),
            ("Pékin", EntityType.Location, "Pékin", "Beijing|Peking", GazetteerMatchMode.IgnoreCaseAndAccents),
            ("Banque de France", EntityType.Organization, "Banque de France", "BdF", GazetteerMatchMode.IgnoreCase),
            ("Orange", EntityType.Organization, "Orange SA", "", GazetteerMatchMode.IgnoreCase));
    }

    [Fact]
    public void The_image_matches_exactly_as_the_gazetteer_it_was_written_from()
    {
        var built = Gazetteer.Create(Entries, CommonWords).FindMatches(Text);

        var read = Read(Compile()).FindMatches(Text);

        built.Select(m => m.CanonicalName).Should().Equal(["NASA", "Pékin", "Pékin", "Orange SA", "Banque de France"],
            "checked by hand: not 'banque de France' (the entry capitalises Banque), the accent-free PEKIN, the alias Beijing, the capitalised Orange only, and the exact-case BdF");
        read.Should().Equal(built);
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
        // The header is 7 + 3 × 3 integers; then the string offsets (one more than the strings) and the characters,
        // the types and modes (a byte each, padded to 8) and the names: the first name's index is set past the table.
        var image = RewritePayload(Compile(), payload =>
        {
            int strings = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4));
            int chars = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(8));
            int entries = BinaryPrimitives.ReadInt32LittleEndian(payload);
            static int Align(int at) => (at + 7) & ~7;
            int at = Align(Align(Align(Align(16 * 4) + (strings + 1) * 4) + chars * 2) + entries) + entries;
            BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(Align(at)), 120);
        });

        Reading(image).Should().Throw<InvalidDataException>().WithMessage("test.gazetteer: the gazetteer image is corrupt: entry 0 names a string outside the table.");
    }

    [Fact]
    public void Strings_that_make_no_valid_name_are_refused_when_read_not_when_listed()
    {
        // Found by fuzzing: the first string ("NASA", the first entry's name) made of NUL characters passed every
        // table check, and Entries then threw an ArgumentException.
        var image = RewritePayload(Compile(), payload =>
        {
            int strings = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4));
            static int Align(int at) => (at + 7) & ~7;
            int chars = Align(Align(16 * 4) + (strings + 1) * 4);
            payload.AsSpan(chars, 4 * sizeof(char)).Clear();
        });

        Reading(image).Should().Throw<InvalidDataException>()
            .WithMessage("test.gazetteer: the gazetteer image is corrupt: entry 0 is invalid: The name '\\u0000\\u0000\\u0000\\u0000' has no letter or digit.");
    }

    [Fact]
    public void An_edge_table_without_an_empty_slot_is_refused_rather_than_searched_for_ever()
    {
        var gazetteer = Gazetteer.Create(Entries, CommonWords);
        var image = RewritePayload(Compile(), payload =>
        {
            // The last section of the last trie ends the payload: labels, label offsets, terminals, then children.
            var trie = gazetteer.Tries[^1];
            static int Align(int at) => (at + 7) & ~7;
            int labels = payload.Length - trie.LabelChars.Length * 2;
            int starts = labels - Align((trie.NodeCount + 1) * 4);
            int terminals = starts - Align(trie.NodeCount * 4);
            int children = terminals - Align(trie.Capacity * 4);
            for (int slot = 0; slot < trie.Capacity; slot++)
                BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(children + slot * 4), 2);
        });

        Reading(image).Should().Throw<InvalidDataException>().WithMessage("test.gazetteer: the gazetteer image is corrupt: the IgnoreCaseAndAccents trie has no empty edge slot.");
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
    [InlineData(400)]
    public void Truncated_resource_is_rejected(int length)
    {
        Reading(Compile()[..length]).Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void The_embedded_gazetteer_passes_every_check_and_matches_as_the_mapped_one()
    {
        var verified = DefaultGazetteerData.LoadVerified();
        string article = File.ReadAllText(Pipeline.SeedArticleTests.FindSeedArticle());

        verified.Count.Should().BeGreaterThan(30_000);
        verified.FindMatches(article).Should().Equal(Gazetteer.Default.FindMatches(article)).And.HaveCountGreaterThan(20);
        DefaultGazetteerData.CommonWords.Should().Contain("orange");
    }
}
