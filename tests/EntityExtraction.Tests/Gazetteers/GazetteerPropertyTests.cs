using CsCheck;
using EntityExtraction.Gazetteers;

namespace EntityExtraction.Tests.Gazetteers;

public class GazetteerPropertyTests
{
    private static readonly Gazetteer Names = Gazetteer.Create(
        [
            new GazetteerEntry("Paris", EntityType.Location),
            new GazetteerEntry("Paris Saint-Germain", EntityType.Organization),
            new GazetteerEntry("Banque de France", EntityType.Organization),
            new GazetteerEntry("France", EntityType.Location),
            new GazetteerEntry("Jean Dupont", EntityType.Person),
            new GazetteerEntry("Orange", EntityType.Organization),
        ],
        new HashSet<string> { "orange" });

    private static readonly string[] Words =
        ["Paris", "Saint-Germain", "Banque", "de", "France", "Jean", "Dupont", "Orange", "orange", "la", "l'", "chez", ",", ".", "«", "\n"];

    [Fact]
    public void Matches_are_in_text_order_do_not_overlap_and_cover_whole_tokens_of_the_text()
    {
        TestGens.Element(Words).Array[0, 30].Select(words => string.Join(" ", words)).Sample(text =>
        {
            var matches = Names.FindMatches(text);
            int previousEnd = 0;
            foreach (var match in matches)
            {
                match.Start.Should().BeGreaterThanOrEqualTo(previousEnd);
                match.End.Should().BeLessThanOrEqualTo(text.Length);
                previousEnd = match.End;
            }
        });
    }

    [Fact]
    public void Every_matched_span_equals_a_known_surface_ignoring_case()
    {
        var surfaces = Names.Entries.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        TestGens.Element(Words).Array[0, 30].Select(words => string.Join(" ", words)).Sample(text =>
        {
            foreach (var match in Names.FindMatches(text))
                surfaces.Should().Contain(text.Substring(match.Start, match.Length));
        });
    }

    [Fact]
    public void Default_gazetteer_is_safe_to_use_from_many_threads()
    {
        const string text = "Le président des États-Unis a rencontré à Londres le chef de l'ONU.";
        var expected = Gazetteer.Default.FindMatches(text);

        var results = new IReadOnlyList<GazetteerMatch>[16];
        Parallel.For(0, results.Length, i => results[i] = Gazetteer.Default.FindMatches(text));

        results.Should().AllSatisfy(r => r.Should().Equal(expected));
        expected.Select(m => m.CanonicalName).Should().Contain(["États-Unis", "Londres"]);
    }

    [Fact]
    public void Documentation_example_gives_the_documented_matches()
    {
        var mine = Gazetteer.FromEntries([
            new GazetteerEntry("Linux Foundation", EntityType.Organization, aliases: ["fondation Linux"]),
            new GazetteerEntry("NASA", EntityType.Organization, aliases: ["Nasa"]),
        ]);
        var gazetteer = Gazetteer.Combine([Gazetteer.Default, mine]);

        gazetteer.FindMatches("La Nasa rejoint la fondation Linux à Londres.")
            .Select(m => (m.Start, m.End, m.Type, m.CanonicalName, m.Evidence))
            .Should().Equal(
                (3, 7, EntityType.Organization, "NASA", GazetteerEvidence.SingleWord),
                (19, 34, EntityType.Organization, "Linux Foundation", GazetteerEvidence.MultiWord),
                (37, 44, EntityType.Location, "Londres", GazetteerEvidence.SingleWord));
    }
}
