using EntityExtraction.Gazetteers;
using EntityExtraction.Model;
using EntityExtraction.Pipeline;

namespace EntityExtraction.Tests.Pipeline;

public class JoinedNameSplitterTests
{
    /// <summary>Splits the model entity <paramref name="span"/> of <paramref name="text"/> given the known names.</summary>
    private static List<string> Split(string text, string span, EntityType modelType, params (string Name, EntityType Type)[] known)
    {
        int start = text.IndexOf(span, StringComparison.Ordinal);
        var model = new List<ModelEntity>
        {
            new(0, 2, EntityType.Person, 0.9f, 0, 1), // an entity before, left alone
            new(start, span.Length, modelType, 0.7f, 1, 5),
        };
        var hits = known.Select(k => new GazetteerHit(
            new GazetteerMatch(text.IndexOf(k.Name, StringComparison.Ordinal), k.Name.Length, k.Type, k.Name, 0, 1, GazetteerEvidence.SingleWord), false)).ToList();

        JoinedNameSplitter.Split(model, hits, text);

        model[0].Should().Be(new ModelEntity(0, 2, EntityType.Person, 0.9f, 0, 1));
        return model.Skip(1).Select(e => $"{text.Substring(e.Start, e.Length)}/{e.Type}/{e.Confidence}").ToList();
    }

    [Fact]
    public void Two_known_names_run_together_by_the_model_become_two_entities_of_their_known_types()
    {
        const string text = "Un match Stade rennais contre les Girondins de Bordeaux hier";

        Split(text, "Stade rennais contre les Girondins de Bordeaux", EntityType.Organization,
                ("Stade rennais", EntityType.Organization), ("Girondins de Bordeaux", EntityType.Organization))
            .Should().Equal("Stade rennais/Organization/0.7", "Girondins de Bordeaux/Organization/0.7");
    }

    [Fact]
    public void Names_listed_with_a_comma_or_et_are_split_and_typed_by_the_gazetteer()
    {
        const string text = "Un accord Renault, Stellantis et Toyota signé";

        Split(text, "Renault, Stellantis et Toyota", EntityType.Location,
                ("Renault", EntityType.Organization), ("Stellantis", EntityType.Organization), ("Toyota", EntityType.Organization))
            .Should().Equal("Renault/Organization/0.7", "Stellantis/Organization/0.7", "Toyota/Organization/0.7");
    }

    [Theory]
    [InlineData("La Caisse d'épargne de Normandie ouvre", "Caisse d'épargne de Normandie", "Caisse d'épargne", "Normandie")]
    [InlineData("Le Festival de Cannes - Croisette ouvre", "Festival de Cannes - Croisette", "Festival de Cannes", "Croisette")]
    [InlineData("La Caisse d'épargne de\u2009la\tNormandie ouvre", "Caisse d'épargne de\u2009la\tNormandie", "Caisse d'épargne", "Normandie")]
    public void Known_names_joined_only_by_connectors_stay_one_name(string text, string span, string first, string second)
    {
        Split(text, span, EntityType.Organization, (first, EntityType.Organization), (second, EntityType.Location))
            .Should().Equal($"{span}/Organization/0.7");
    }

    [Fact]
    public void An_entity_with_words_beyond_its_known_names_or_a_single_known_name_is_left_alone()
    {
        const string text = "Le PDG de Renault contre Toyota hier";

        Split(text, "PDG de Renault contre Toyota", EntityType.Organization, ("Renault", EntityType.Organization), ("Toyota", EntityType.Organization))
            .Should().Equal("PDG de Renault contre Toyota/Organization/0.7");
        Split(text, "Renault contre Toyota", EntityType.Organization, ("Toyota", EntityType.Organization))
            .Should().Equal("Renault contre Toyota/Organization/0.7");
    }
}
