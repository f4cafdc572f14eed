using EntityExtraction.Model;
using EntityExtraction.Pseudonymization;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Pseudonymization;

/// <summary>Which spans pseudonymisation replaces, given the entities the pipeline found (written here by hand).</summary>
public class MentionSelectorTests
{
    private static readonly PersonNameLexicon Names = PersonNameLexicon.Default;

    private static LexiconFlags CommonWords(string word) =>
        word.ToLowerInvariant() is "mardi" or "rue" or "la" or "le" or "conseil" or "municipal" ? LexiconFlags.CommonWord : LexiconFlags.None;

    private static Entity At(string text, string name, EntityType type, float confidence = 0.9f)
    {
        int start = text.IndexOf(name, StringComparison.Ordinal);
        return new Entity { Text = name, Type = type, Start = start, Length = name.Length, Confidence = confidence };
    }

    private static List<string> Select(string text, PseudonymizationOptions options, params Entity[] entities) =>
        new MentionSelector(options, Names, CommonWords)
            .Select(text, FrenchTokenizer.Default.Tokenize(text), entities)
            .Select(m => $"{m.Type.ToCode()} {text.Substring(m.Start, m.Length)}").ToList();

    [Fact]
    public void A_found_persons_surname_goes_wherever_it_recurs_capitalised_also_as_a_one_word_place_and_inside_hyphens()
    {
        const string text = "Tina Trstenjak a gagné. Trstenjak, dite la tigresse, fête une victoire anti-Trstenjak ; la trstenjak reste.";

        var selected = Select(text, PseudonymizationOptions.Default,
            At(text, "Tina Trstenjak", EntityType.Person), At(text, "Trstenjak,", EntityType.Location) with { Text = "Trstenjak", Length = 9 });

        selected.Should().Equal("PER Tina Trstenjak", "PER Trstenjak", "PER Trstenjak");
    }

    [Fact]
    public void Default_options_leave_names_inside_longer_entities_and_other_types_favouring_recall_takes_them()
    {
        const string text = "Marie Curie a parlé. La fondation Curie et Pierre Dubreuil, venu mardi, rue Marie Curie.";
        var entities = new[]
        {
            At(text, "Marie Curie", EntityType.Person),
            At(text, "fondation Curie", EntityType.Organization),
            At(text, "rue Marie Curie", EntityType.Location),
        };

        Select(text, PseudonymizationOptions.Default, entities).Should().Equal("PER Marie Curie");
        Select(text, PseudonymizationOptions.RecallOriented, entities).Should().Equal(
            "PER Marie Curie", "PER Curie", "PER Pierre Dubreuil", "PER Marie", "PER Curie");
    }

    [Fact]
    public void Favouring_recall_an_organisation_or_place_that_reads_as_a_person_is_replaced_as_one()
    {
        const string text = "Le lycée a reçu Jean Moulin hier.";

        Select(text, PseudonymizationOptions.Default, At(text, "Jean Moulin", EntityType.Location)).Should().BeEmpty();
        Select(text, PseudonymizationOptions.RecallOriented, At(text, "Jean Moulin", EntityType.Location)).Should().Equal("PER Jean Moulin");
    }

    [Fact]
    public void Names_under_the_minimum_confidence_and_types_not_asked_for_stay()
    {
        const string text = "Jean Dupont et Paul Martin à Lyon.";
        var entities = new[] { At(text, "Jean Dupont", EntityType.Person, 0.9f), At(text, "Paul Martin", EntityType.Person, 0.3f), At(text, "Lyon", EntityType.Location) };

        Select(text, new PseudonymizationOptions { MinimumConfidence = 0.5f }, entities).Should().Equal("PER Jean Dupont");
    }

    [Fact]
    public void A_title_at_the_start_of_a_person_span_stays_in_the_text()
    {
        const string text = "Hier, M. Dupont et Mme Martine Leroy ont signé.";

        Select(text, PseudonymizationOptions.Default, At(text, "M. Dupont", EntityType.Person), At(text, "Mme Martine Leroy", EntityType.Person))
            .Should().Equal("PER Dupont", "PER Martine Leroy");
    }
}
