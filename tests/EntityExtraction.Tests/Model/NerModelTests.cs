using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Model;

public class NerModelTests
{
    private static List<ModelEntity> Predict(NerModel model, string text)
    {
        var entities = new List<ModelEntity>();
        model.Predict(text, FrenchTokenizer.Default.Tokenize(text), entities);
        return entities;
    }

    private static string[] Describe(string text, IEnumerable<ModelEntity> entities)
        => entities.Select(e => $"{EntityTypeCodes.ToCode(e.Type)} {text.Substring(e.Start, e.Length)}").ToArray();

    [Fact]
    public void Default_model_tags_an_obvious_french_sentence()
    {
        // An end-to-end smoke check of the embedded model; accuracy itself is measured by `evaluate`
        // (docs/research/accuracy-log.md). Note: with "Renault" instead of "la SNCF" the model mistypes the company
        // (LOC), a known weakness on modern company names, listed in docs/research/accuracy-log.md.
        const string text = "Emmanuel Macron a rencontré les dirigeants de la SNCF à Paris.";
        Describe(text, Predict(NerModel.Default, text)).Should().Equal("PER Emmanuel Macron", "ORG SNCF", "LOC Paris");
    }

    [Fact]
    public void Default_model_is_loaded_once()
    {
        NerModel.Default.Should().BeSameAs(NerModel.Default);
        NerModel.Default.EntityTypes.Should().Equal(EntityType.Person, EntityType.Organization, EntityType.Location);
    }

    [Fact]
    public void Entities_are_ordered_non_overlapping_with_valid_offsets_and_confidences()
    {
        const string text = "Le ministre Bruno Le Maire a reçu à Bercy les patrons de TotalEnergies et de la SNCF. Puis il est parti à Berlin.";
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        var entities = new List<ModelEntity>();
        NerModel.Default.Predict(text, tokens, entities);

        entities.Should().NotBeEmpty();
        for (int k = 0; k < entities.Count; k++)
        {
            var e = entities[k];
            e.Confidence.Should().BeInRange(0f, 1f);
            e.Start.Should().Be(tokens[e.FirstToken].Start);
            (e.Start + e.Length).Should().Be(tokens[e.FirstToken + e.TokenCount - 1].End);
            if (k > 0) e.Start.Should().BeGreaterThanOrEqualTo(entities[k - 1].Start + entities[k - 1].Length);
        }
    }

    [Fact]
    public void Predictions_are_identical_across_calls_and_threads()
    {
        string[] texts =
        [
            "Emmanuel Macron a rencontré les dirigeants de Renault à Paris.",
            "La société Michelin, installée à Clermont-Ferrand, recrute. Son PDG Florent Menegaux l'a annoncé.",
            "Selon l'INSEE, le chômage baisse en Bretagne et en Île-de-France.",
        ];
        var expected = texts.Select(t => Predict(NerModel.Default, t)).ToArray();
        texts.Select(t => Predict(NerModel.Default, t)).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());

        var results = new List<ModelEntity>[64];
        Parallel.For(0, results.Length, i => results[i] = Predict(NerModel.Default, texts[i % texts.Length]));
        for (int i = 0; i < results.Length; i++) results[i].Should().Equal(expected[i % texts.Length]);
    }

    [Fact]
    public void An_empty_token_list_yields_nothing_and_nulls_are_refused()
    {
        var entities = new List<ModelEntity>();
        NerModel.Default.Predict("", [], entities);
        entities.Should().BeEmpty();
        var act = () => NerModel.Default.Predict(null!, [], entities);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_token_outside_the_text_is_refused_naming_it()
    {
        var act = () => NerModel.Default.Predict("Paris", [new Token(0, 5, TokenKind.Word, 0), new Token(3, 4, TokenKind.Word, 0)], []);
        act.Should().Throw<ArgumentException>().WithMessage("Token 1 [3, 7)*");
    }

    [Fact]
    public void Default_model_does_not_tag_a_lower_case_caption()
    {
        Predict(NerModel.Default, "Un logo de la societe meta").Should().BeEmpty();
    }

}
