namespace EntityExtraction.Tests.Pipeline;

/// <summary>
/// Names with lower-case words and articles, which earlier models cut short ("Commissariat" for "Commissariat à
/// l'énergie atomique", "Mans" for "Le Mans"). The expected spans follow ../shared/data/ANNOTATION.md: the whole
/// official name of an institution is ORG, an article that belongs to a place's name is inside it. The sentences
/// were written for this test, not taken from any corpus.
/// </summary>
public class LongNameTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    [Theory]
    [InlineData("L'Autorité des marchés financiers a ouvert une enquête sur la société.", "Autorité des marchés financiers", EntityType.Organization)]
    [InlineData("Selon l'Organisation mondiale de la santé, l'épidémie recule.", "Organisation mondiale de la santé", EntityType.Organization)]
    [InlineData("Les ministres de l'Association des nations de l'Asie du Sud-Est se réunissent à Jakarta.", "Association des nations de l'Asie du Sud-Est", EntityType.Organization)]
    [InlineData("Le Commissariat à l'énergie atomique et aux énergies alternatives recrute à Saclay.", "Commissariat à l'énergie atomique et aux énergies alternatives", EntityType.Organization)]
    [InlineData("La Direction générale de la sécurité intérieure a interpellé deux hommes à Marseille.", "Direction générale de la sécurité intérieure", EntityType.Organization)]
    [InlineData("Médecins sans frontières dénonce la situation dans le camp.", "Médecins sans frontières", EntityType.Organization)]
    [InlineData("La Caisse nationale d'assurance maladie publie son rapport annuel.", "Caisse nationale d'assurance maladie", EntityType.Organization)]
    [InlineData("L'Institut national de la statistique et des études économiques prévoit une croissance faible.", "Institut national de la statistique et des études économiques", EntityType.Organization)]
    [InlineData("Le Mans accueille la course, tandis que l'Arabie saoudite annonce un nouveau projet.", "Le Mans", EntityType.Location)]
    [InlineData("Le Mans accueille la course, tandis que l'Arabie saoudite annonce un nouveau projet.", "Arabie saoudite", EntityType.Location)]
    [InlineData("Selon l'Organisation mondiale de la santé, l'épidémie recule en Afrique de l'Ouest.", "Afrique de l'Ouest", EntityType.Location)]
    public void A_long_name_is_found_whole_with_its_type(string sentence, string name, EntityType type)
    {
        var entities = Extractor.Extract(sentence);

        entities.Should().Contain(e => e.Text == name && e.Type == type, "'{0}' names {1} as {2}", sentence, name, type);
        entities.Should().NotContain(e => e.Text != name && name.Contains(e.Text, StringComparison.Ordinal), "no part of the name is an entity of its own");
    }
}
