using EntityExtraction.Gazetteers;

namespace EntityExtraction.Tests.Gazetteers;

public class DefaultGazetteerTests
{
    private static (string Text, EntityType Type, string Canonical)[] Hits(string text) =>
        [.. Gazetteer.Default.FindMatches(text).Select(m => (text.Substring(m.Start, m.Length), m.Type, m.CanonicalName))];

    [Fact]
    public void Default_is_loaded_once_and_is_large()
    {
        Gazetteer.Default.Should().BeSameAs(Gazetteer.Default);
        Gazetteer.Default.Count.Should().BeGreaterThan(10_000);
    }

    [Theory]
    [InlineData("Il vit à Londres depuis 2010.", "Londres")]
    [InlineData("Le sommet s'ouvre à Bruxelles lundi.", "Bruxelles")]
    [InlineData("Le président des États-Unis est arrivé.", "États-Unis")]
    [InlineData("Le Royaume-Uni a voté.", "Royaume-Uni")]
    [InlineData("Il a atterri à Pékin mardi.", "Pékin")]
    [InlineData("Les pompiers du Finistère sont intervenus.", "Finistère")]
    [InlineData("La région Nouvelle-Aquitaine investit.", "Nouvelle-Aquitaine")]
    [InlineData("Une usine ouvre à Saint-Étienne.", "Saint-Étienne")]
    public void Default_knows_places_with_their_French_names(string text, string place)
    {
        Hits(text).Should().Contain((place, EntityType.Location, place));
    }

    [Fact]
    public void Default_reports_a_French_name_for_a_foreign_form()
    {
        Hits("Le vol vient de Beijing.").Should().Contain(("Beijing", EntityType.Location, "Pékin"));
    }

    [Fact]
    public void Default_knows_organisations_and_their_acronyms()
    {
        var hits = Hits("Le CNRS et la Nasa coopèrent avec l'Organisation des Nations unies.");

        hits.Select(h => h.Type).Should().AllBeEquivalentTo(EntityType.Organization);
        hits.Select(h => h.Text).Should().Equal("CNRS", "Nasa", "Organisation des Nations unies");
    }

    [Fact]
    public void Common_word_names_are_guarded_in_the_default_gazetteer()
    {
        Hits("Orange a publié ses résultats.").Should().BeEmpty();
        Hits("Il mange une orange à Tours.").Select(h => h.Text).Should().Equal("Tours");
        Hits("Il a signé un contrat chez Orange.").Should().ContainSingle().Which.Type.Should().Be(EntityType.Organization);
    }

    [Theory]
    [InlineData("Il habite à Vitré depuis un an.", "Vitré")]
    [InlineData("Le train pour Sens est annulé.", "Sens")]
    [InlineData("Le festival de Nice commence.", "Nice")]
    public void Towns_named_like_common_words_match_in_a_proper_noun_context(string text, string town)
    {
        Hits(text).Should().Contain((town, EntityType.Location, town));
    }

    [Theory]
    [InlineData("Sens interdit : la rue est fermée.")]
    [InlineData("Un verre vitré et un bar à vin.")]
    [InlineData("Le Bar est ouvert.")]
    [InlineData("Y a-t-il un problème ?")]
    public void Common_words_and_tiny_communes_do_not_match(string text)
    {
        Hits(text).Should().BeEmpty();
    }

    [Fact]
    public void Lower_case_words_that_are_also_communes_do_not_match()
    {
        Hits("le sens de la vie, un bar à vin, la nice attitude").Should().BeEmpty();
    }
}
