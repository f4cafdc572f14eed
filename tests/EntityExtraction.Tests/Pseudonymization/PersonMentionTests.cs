using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Tests.Pseudonymization;

public class PersonMentionTests
{
    private static readonly PersonNameLexicon Names = PersonNameLexicon.Default;

    [Theory]
    [InlineData("Jean Dupont", "Full", "Jean", "Dupont", 'j')]
    [InlineData("Jean-Marc de La Tour", "Full", "Jean-Marc", "de La Tour", 'j')]
    [InlineData("Jean Pierre Martin", "Full", "Jean Pierre", "Martin", 'j')]
    [InlineData("Abou Douaa al-Ansari", "Full", "Abou", "Douaa al-Ansari", 'a')]
    [InlineData("Émilie Martin", "Full", "Émilie", "Martin", 'e')]
    [InlineData("J. Dupont", "InitialAndSurname", null, "Dupont", 'j')]
    [InlineData("J.-P. Dupont", "InitialAndSurname", null, "Dupont", 'j')]
    [InlineData("Dupont", "OneWord", null, "Dupont", null)]
    [InlineData("de Gaulle", "OneWord", null, "de Gaulle", null)]
    public void A_mention_is_read_as_first_names_initial_and_surname(string surface, string shape, string? given, string surname, char? initial)
    {
        var mention = PersonMention.Parse(surface, Names);

        mention.Shape.Should().Be(Enum.Parse<MentionShape>(shape));
        mention.Given.Should().Be(given);
        mention.Surname.Should().Be(surname);
        mention.Initial.Should().Be(initial);
    }

    [Theory]
    [InlineData("DUPONT", "dupont")]
    [InlineData("Dupónt", "dupont")]
    [InlineData("Jean  Dupont", "jean dupont")]
    [InlineData("O’Neill", "o'neill")]
    [InlineData("Jean\u2011Marc", "jean-marc")]
    public void Keys_fold_case_accents_apostrophes_hyphens_and_spaces(string text, string key) =>
        PersonMention.Normalize(text).Should().Be(key);

    [Theory]
    [InlineData("[PER_1]", 7)]
    [InlineData("[PER_12.3] suite", 10)]
    [InlineData("[ORG_3f9a2c1b]", 14)]
    [InlineData("[LOC_3f9a2c1b.7d2e]", 19)]
    [InlineData("[PER_]", 0)]
    [InlineData("[PER_1.]", 0)]
    [InlineData("[XYZ_1]", 0)]
    [InlineData("[PER_1", 0)]
    [InlineData("[PER_G]", 0)]
    public void Tag_shape_recognises_the_bracketed_pseudonyms(string text, int length) => TagShape.Length(text).Should().Be(length);
}
