using EntityExtraction.Gazetteers;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Gazetteers;

public class GazetteerMatchingTests
{
    private static readonly HashSet<string> NoCommonWords = [];

    private static Gazetteer Build(params GazetteerEntry[] entries) => Gazetteer.Create(entries, NoCommonWords);

    private static IEnumerable<(string Text, EntityType Type, string Canonical)> Hits(Gazetteer gazetteer, string text) =>
        gazetteer.FindMatches(text).Select(m => (text.Substring(m.Start, m.Length), m.Type, m.CanonicalName));

    [Fact]
    public void Multi_token_name_is_matched_with_its_exact_offsets()
    {
        var gazetteer = Build(new GazetteerEntry("Commission européenne", EntityType.Organization));
        const string text = "Selon la Commission européenne, le texte avance.";

        var match = gazetteer.FindMatches(text).Should().ContainSingle().Subject;

        match.Start.Should().Be(9);
        match.Length.Should().Be(21);
        match.End.Should().Be(30);
        match.TokenCount.Should().Be(2);
        match.Type.Should().Be(EntityType.Organization);
        match.Evidence.Should().Be(GazetteerEvidence.MultiWord);
    }

    [Fact]
    public void Longest_match_wins_over_a_shorter_prefix()
    {
        var gazetteer = Build(
            new GazetteerEntry("Paris", EntityType.Location),
            new GazetteerEntry("Paris Saint-Germain", EntityType.Organization));

        Hits(gazetteer, "Le Paris Saint-Germain joue à Paris ce soir.").Should().Equal(
            ("Paris Saint-Germain", EntityType.Organization, "Paris Saint-Germain"),
            ("Paris", EntityType.Location, "Paris"));
    }

    [Fact]
    public void Leftmost_match_wins_and_matches_never_overlap()
    {
        var gazetteer = Build(
            new GazetteerEntry("Banque de France", EntityType.Organization),
            new GazetteerEntry("France Télévisions", EntityType.Organization));

        Hits(gazetteer, "La Banque de France Télévisions").Should().Equal(
            ("Banque de France", EntityType.Organization, "Banque de France"));
    }

    [Fact]
    public void Spellings_of_one_entry_that_differ_only_in_case_accept_the_laxer_capitalisation()
    {
        var gazetteer = Build(new GazetteerEntry("Crédit mutuel", EntityType.Organization, aliases: ["Crédit Mutuel"]));

        Hits(gazetteer, "Le Crédit mutuel et le Crédit Mutuel, pas le crédit mutuel.").Select(h => h.Text)
            .Should().Equal("Crédit mutuel", "Crédit Mutuel");
    }

    [Fact]
    public void Exact_mode_requires_identical_case()
    {
        var gazetteer = Build(new GazetteerEntry("OpenAI", EntityType.Organization, matchMode: GazetteerMatchMode.Exact));

        Hits(gazetteer, "OpenAI et Openai et OPENAI").Select(h => h.Text).Should().Equal("OpenAI");
    }

    [Fact]
    public void IgnoreCase_mode_matches_other_capitalisations_but_not_accent_variants()
    {
        var gazetteer = Build(new GazetteerEntry("Société générale", EntityType.Organization, matchMode: GazetteerMatchMode.IgnoreCase));

        Hits(gazetteer, "SOCIÉTÉ GÉNÉRALE, Société Générale, Societe Generale.").Select(h => h.Text)
            .Should().Equal("SOCIÉTÉ GÉNÉRALE", "Société Générale");
    }

    [Fact]
    public void IgnoreCaseAndAccents_mode_matches_text_without_diacritics()
    {
        var gazetteer = Build(new GazetteerEntry("Pékin", EntityType.Location, matchMode: GazetteerMatchMode.IgnoreCaseAndAccents));

        Hits(gazetteer, "De Pekin à PÉKIN puis Pékin.").Select(h => h.Text).Should().Equal("Pekin", "PÉKIN", "Pékin");
    }

    [Fact]
    public void Lower_case_text_does_not_match_a_capitalised_name_in_case_insensitive_modes()
    {
        var gazetteer = Build(new GazetteerEntry("Assemblée nationale", EntityType.Organization, matchMode: GazetteerMatchMode.IgnoreCaseAndAccents));

        gazetteer.FindMatches("une assemblée nationale de délégués").Should().BeEmpty();
        Hits(gazetteer, "devant l'Assemblée Nationale").Select(h => h.Text).Should().Equal("Assemblée Nationale");
    }

    [Fact]
    public void Aliases_and_acronyms_resolve_to_the_canonical_name()
    {
        var gazetteer = Build(
            new GazetteerEntry("NASA", EntityType.Organization, aliases: ["Nasa"]),
            new GazetteerEntry("Linux Foundation", EntityType.Organization, aliases: ["fondation Linux"]),
            new GazetteerEntry("Lega", EntityType.Organization, "Ligue du Nord"));

        Hits(gazetteer, "La Nasa et la fondation Linux, puis la Linux Foundation et la NASA, pas la Ligue du Nord.").Should().Equal(
            ("Nasa", EntityType.Organization, "NASA"),
            ("fondation Linux", EntityType.Organization, "Linux Foundation"),
            ("Linux Foundation", EntityType.Organization, "Linux Foundation"),
            ("NASA", EntityType.Organization, "NASA"));
    }

    [Fact]
    public void Short_acronyms_match_only_with_their_exact_case()
    {
        var gazetteer = Build(new GazetteerEntry("CNRS", EntityType.Organization, matchMode: GazetteerMatchMode.IgnoreCaseAndAccents));

        Hits(gazetteer, "Le CNRS, pas le Cnrs ni le cnrs.").Select(h => h.Text).Should().Equal("CNRS");
    }

    [Fact]
    public void Single_letter_names_never_match()
    {
        var gazetteer = Build(new GazetteerEntry("Y", EntityType.Location, matchMode: GazetteerMatchMode.Exact));

        gazetteer.FindMatches("Le point Y est là.").Should().BeEmpty();
    }

    [Theory]
    [InlineData("Il travaille à l'Assemblée nationale.", "l'")]
    [InlineData("Il travaille à l’Assemblée nationale.", "l’")]
    [InlineData("Le président de l'Assemblée nationale parle.", "l'")]
    public void A_name_after_an_elided_article_starts_after_the_elision(string text, string elision)
    {
        var gazetteer = Build(new GazetteerEntry("Assemblée nationale", EntityType.Organization));

        var match = gazetteer.FindMatches(text).Should().ContainSingle().Subject;

        text.Substring(match.Start, match.Length).Should().Be("Assemblée nationale");
        text.Substring(match.Start - elision.Length, elision.Length).Should().Be(elision);
    }

    [Fact]
    public void Apostrophe_variants_in_names_are_interchangeable()
    {
        var gazetteer = Build(new GazetteerEntry("Côte d'Ivoire", EntityType.Location));

        Hits(gazetteer, "En Côte d’Ivoire.").Select(h => h.Text).Should().Equal("Côte d’Ivoire");
    }

    [Fact]
    public void Hyphenated_name_is_one_token_and_does_not_match_its_parts()
    {
        var gazetteer = Build(new GazetteerEntry("Saint-Étienne", EntityType.Location), new GazetteerEntry("Étienne", EntityType.Person));

        Hits(gazetteer, "À Saint-Étienne.").Should().Equal(("Saint-Étienne", EntityType.Location, "Saint-Étienne"));
    }

    [Fact]
    public void Later_entries_override_earlier_entries_with_the_same_surface()
    {
        var defaults = Build(new GazetteerEntry("Orange", EntityType.Location));
        var mine = Build(new GazetteerEntry("Orange", EntityType.Organization, "Orange SA"));

        Hits(Gazetteer.Combine([defaults, mine]), "chez Orange").Should().Equal(("Orange", EntityType.Organization, "Orange SA"));
        Hits(Gazetteer.Combine([mine, defaults]), "chez Orange").Should().Equal(("Orange", EntityType.Location, "Orange"));
    }

    [Fact]
    public void Precomputed_gold_tokens_are_used_as_given()
    {
        var gazetteer = Build(new GazetteerEntry("Jean Dupont", EntityType.Person));
        const string text = "Jean Dupont arrive";
        var tokens = new List<Token> { new(0, 4, TokenKind.Word, 0), new(5, 6, TokenKind.Word, 0), new(12, 6, TokenKind.Word, 0) };
        var matches = new List<GazetteerMatch> { new(99, 1, EntityType.Location, "kept", 0, 1, GazetteerEvidence.SingleWord) };

        gazetteer.FindMatches(text, tokens, 0, tokens.Count, matches);

        matches.Should().HaveCount(2);
        matches[0].CanonicalName.Should().Be("kept");
        matches[1].Should().Be(new GazetteerMatch(0, 11, EntityType.Person, "Jean Dupont", 0, 2, GazetteerEvidence.MultiWord));
    }

    [Fact]
    public void A_name_does_not_span_a_line_break()
    {
        var gazetteer = Build(new GazetteerEntry("Jean Dupont", EntityType.Person));

        gazetteer.FindMatches("Rédacteur : Jean\nDupont et fils").Should().BeEmpty();
        gazetteer.FindMatches("Rédacteur : Jean Dupont").Should().ContainSingle();
    }

    [Fact]
    public void Empty_gazetteer_never_matches()
    {
        Gazetteer.Empty.Count.Should().Be(0);
        Gazetteer.Empty.FindMatches("Paris et Londres").Should().BeEmpty();
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var act = () => Gazetteer.Empty.FindMatches(null!);
        act.Should().Throw<ArgumentNullException>();
        var combine = () => Gazetteer.Combine(null!);
        combine.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Entry_constructor_validates_its_arguments()
    {
        var blankName = () => new GazetteerEntry(" ", EntityType.Location);
        var emptyAlias = () => new GazetteerEntry("Paris", EntityType.Location, aliases: [""]);
        var badType = () => new GazetteerEntry("Paris", (EntityType)42);

        blankName.Should().Throw<ArgumentException>();
        emptyAlias.Should().Throw<ArgumentException>();
        badType.Should().Throw<ArgumentException>();
        new GazetteerEntry("Paris", EntityType.Location).CanonicalName.Should().Be("Paris");
    }
}
