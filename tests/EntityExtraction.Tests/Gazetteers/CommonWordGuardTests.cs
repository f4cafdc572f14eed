using EntityExtraction.Gazetteers;

namespace EntityExtraction.Tests.Gazetteers;

public class CommonWordGuardTests
{
    private static readonly Gazetteer Guarded = Gazetteer.Create(
        [
            new GazetteerEntry("Orange", EntityType.Organization),
            new GazetteerEntry("Tours", EntityType.Location),
            new GazetteerEntry("Lille", EntityType.Location),
        ],
        new HashSet<string> { "orange", "tours" });

    private static string[] Matched(Gazetteer gazetteer, string text) =>
        [.. gazetteer.FindMatches(text).Select(m => text.Substring(m.Start, m.Length))];

    [Fact]
    public void Common_word_name_inside_a_sentence_after_a_preposition_matches_as_a_common_word()
    {
        const string text = "Il a signé chez Orange hier.";

        var match = Guarded.FindMatches(text).Should().ContainSingle().Subject;

        match.Type.Should().Be(EntityType.Organization);
        match.Evidence.Should().Be(GazetteerEvidence.CommonWord);
    }

    [Theory]
    [InlineData("Orange annonce des résultats.")]        // sentence-initial
    [InlineData("Il mange une orange.")]                 // lower case
    [InlineData("Il a acheté une Orange bien mûre.")]     // after a determiner announcing a common noun
    [InlineData("Titre du jour\nOrange baisse ses prix")] // first word of a line
    [InlineData("Il a dit : « Orange baisse ses prix ».")] // opens a quotation
    public void Common_word_name_is_not_matched_where_it_is_probably_a_common_word(string text)
    {
        Matched(Guarded, text).Should().BeEmpty();
    }

    [Fact]
    public void Common_word_name_in_capitals_matches_even_at_sentence_start()
    {
        Matched(Guarded, "ORANGE annonce des résultats.").Should().Equal("ORANGE");
    }

    [Fact]
    public void Name_that_is_not_a_common_word_matches_at_sentence_start_as_a_single_word()
    {
        var match = Guarded.FindMatches("Lille gagne.").Should().ContainSingle().Subject;

        match.Evidence.Should().Be(GazetteerEvidence.SingleWord);
    }

    [Fact]
    public void Without_the_guard_common_word_names_match_when_capitalised()
    {
        var unguarded = Guarded.WithCommonWordGuard(false);

        Matched(unguarded, "Tours reçoit Orange.").Should().Equal("Tours", "Orange");
        Matched(unguarded, "une orange").Should().BeEmpty();
    }
}
