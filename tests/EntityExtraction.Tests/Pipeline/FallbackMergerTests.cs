using EntityExtraction.Gazetteers;
using EntityExtraction.Model;
using EntityExtraction.Pipeline;

namespace EntityExtraction.Tests.Pipeline;

public class FallbackMergerTests
{
    private static ModelEntity M(int start, int length, EntityType type, float confidence) =>
        new(start, length, type, confidence, 0, 1);

    private static GazetteerMatch G(int start, int length, EntityType type, string canonical, GazetteerEvidence evidence = GazetteerEvidence.SingleWord, int firstToken = 0, int tokenCount = 1) =>
        new(start, length, type, canonical, firstToken, tokenCount, evidence);

    private static List<MergedEntity> Merge(List<ModelEntity> model, List<GazetteerMatch> gazetteer, List<float>? outside = null, bool fromCaller = false, string? text = null)
    {
        var output = new List<MergedEntity>();
        // Without a text of their own, the cases run on capitals only, so no word counts as a lower-case descriptor.
        text ??= new string('X', 1 + model.Select(e => e.Start + e.Length).Concat(gazetteer.Select(g => g.Start + g.Length)).DefaultIfEmpty(0).Max());
        FallbackMerger.Merge(model, gazetteer.Select(g => new GazetteerHit(g, fromCaller)).ToList(), outside, output, text);
        return output;
    }

    [Fact]
    public void Default_gazetteer_name_is_added_only_where_the_model_had_some_doubt()
    {
        // Tokens 0..3; the match covers tokens 1 and 2.
        var match = G(5, 9, EntityType.Location, "Nice", firstToken: 1, tokenCount: 2);

        Merge([], [match], outside: [1f, 0.99f, 0.95f, 1f]).Should().BeEmpty("the model is sure no word of it is a name");
        Merge([], [match], outside: [1f, 0.99f, 0.7f, 1f]).Should().ContainSingle().Which.Source.Should().Be(EntitySource.Gazetteer);
        Merge([], [match], outside: [0.1f, 0.99f, 0.99f, 0.1f]).Should().BeEmpty("doubt on tokens outside the match does not count");
    }

    [Fact]
    public void Caller_gazetteer_name_is_added_even_where_the_model_is_sure()
    {
        var match = G(5, 9, EntityType.Organization, "Zorglub", firstToken: 1, tokenCount: 2);

        Merge([], [match], outside: [1f, 1f, 1f, 1f], fromCaller: true).Should().ContainSingle().Which.CanonicalName.Should().Be("Zorglub");
    }

    [Fact]
    public void Gazetteer_match_outside_every_model_entity_is_added_in_text_order()
    {
        var merged = Merge(
            [M(0, 4, EntityType.Organization, 0.9f), M(20, 5, EntityType.Location, 0.9f)],
            [G(10, 3, EntityType.Organization, "IBM")]);

        merged.Select(e => (e.Start, e.Source)).Should().Equal((0, EntitySource.Model), (10, EntitySource.Gazetteer), (20, EntitySource.Model));
        merged[1].CanonicalName.Should().Be("IBM");
        merged[1].Confidence.Should().Be(0.75f, "a single-word gazetteer name is trusted at 0.75");
    }

    [Theory]
    [InlineData("la fondation Linux", EntityType.Organization, true)]
    [InlineData("la Fondation Linux", EntityType.Organization, false)]
    [InlineData("la fondation Linux", EntityType.Location, false)]
    public void A_known_name_of_the_same_type_takes_back_the_lower_case_descriptor_the_model_left_out(string text, EntityType modelType, bool extended)
    {
        // Tokens: la(0) fondation(1) Linux(2). The model, sure of itself, tagged "Linux" only.
        var model = new ModelEntity(13, 5, modelType, 0.9f, 2, 1);
        var match = G(3, 15, EntityType.Organization, "Linux Foundation", firstToken: 1, tokenCount: 2);

        var merged = Merge([model], [match], text: text);

        var entity = merged.Should().ContainSingle().Subject;
        (entity.Start, entity.Length, entity.Type, entity.Source, entity.Confidence, entity.CanonicalName).Should().Be(extended
            ? (3, 15, EntityType.Organization, EntitySource.Model, 0.9f, "Linux Foundation")
            : (13, 5, modelType, EntitySource.Model, 0.9f, (string?)null));
    }

    [Theory]
    [InlineData("Le Mans accueille", 0.9f, true)]
    [InlineData("Un Mans accueille", 0.9f, false)]
    [InlineData("Le Mans accueille", 0.4f, false)]
    public void A_known_name_takes_back_the_article_that_belongs_to_it_when_the_model_was_sure(string text, float confidence, bool extended)
    {
        // Tokens: Le(0) Mans(1). The model, at the start of a sentence, tagged "Mans" only; the gazetteer knows "Le Mans".
        var model = new ModelEntity(3, 4, EntityType.Location, confidence, 1, 1);
        var match = G(0, 7, EntityType.Location, "Le Mans", GazetteerEvidence.MultiWord, firstToken: 0, tokenCount: 2);

        var merged = Merge([model], [match], text: text);

        var entity = merged.Should().ContainSingle().Subject;
        (entity.Start, entity.Length).Should().Be(extended ? (0, 7) : confidence < 0.5f ? (0, 7) : (3, 4));
        entity.Source.Should().Be(extended || confidence >= 0.5f ? EntitySource.Model : EntitySource.Gazetteer,
            "an unsure model entity inside a known name is replaced by the gazetteer's (rule 3)");
    }

    [Fact]
    public void Confident_model_entity_wins_a_partial_overlap()
    {
        var merged = Merge([M(10, 5, EntityType.Organization, 0.9f)], [G(0, 15, EntityType.Organization, "Linux Foundation")]);

        merged.Should().ContainSingle().Which.Should().Be(new MergedEntity(10, 5, EntityType.Organization, EntitySource.Model, 0.9f, null));
    }

    [Fact]
    public void Longer_gazetteer_match_replaces_unsure_model_entities_it_contains()
    {
        var merged = Merge(
            [M(0, 9, EntityType.Location, 0.3f), M(10, 5, EntityType.Person, 0.4f)],
            [G(0, 15, EntityType.Organization, "Linux Foundation")]);

        merged.Should().ContainSingle().Which.Should().Be(
            new MergedEntity(0, 15, EntityType.Organization, EntitySource.Gazetteer, 0.75f, ("Linux Foundation", EntityType.Organization)));
    }

    [Fact]
    public void Gazetteer_does_not_replace_when_one_contained_model_entity_is_confident()
    {
        var merged = Merge(
            [M(0, 9, EntityType.Location, 0.3f), M(10, 5, EntityType.Person, 0.7f)],
            [G(0, 15, EntityType.Organization, "Linux Foundation")]);

        merged.Select(e => (e.Start, e.Length, e.Source)).Should().Equal((0, 9, EntitySource.Model), (10, 5, EntitySource.Model));
    }

    [Fact]
    public void Gazetteer_does_not_replace_a_model_entity_that_sticks_out_of_it()
    {
        var merged = Merge([M(5, 20, EntityType.Person, 0.2f)], [G(0, 10, EntityType.Location, "Paris")]);

        merged.Should().ContainSingle().Which.Source.Should().Be(EntitySource.Model);
    }

    [Fact]
    public void Same_span_and_type_gains_the_canonical_name()
    {
        var merged = Merge([M(0, 4, EntityType.Organization, 0.95f)], [G(0, 4, EntityType.Organization, "NASA")]);

        merged.Should().ContainSingle().Which.Should().Be(
            new MergedEntity(0, 4, EntityType.Organization, EntitySource.Model, 0.95f, ("NASA", EntityType.Organization)));
    }

    [Fact]
    public void Same_span_of_another_type_keeps_the_model_type_without_the_canonical_name_of_another_thing()
    {
        // "Berkeley" tagged as a place by a confident model is the city, not "University of California, Berkeley".
        var merged = Merge([M(0, 8, EntityType.Location, 0.64f)], [G(0, 8, EntityType.Organization, "University of California, Berkeley")]);

        var entity = merged.Should().ContainSingle().Subject;
        (entity.Type, entity.Source, entity.Confidence, entity.CanonicalName).Should().Be((EntityType.Location, EntitySource.Model, 0.64f, (string?)null));
        entity.WithType(EntityType.Organization).CanonicalName.Should().Be("University of California, Berkeley",
            "should the document's vote make it the organisation, the entry's name applies again");
    }

    [Fact]
    public void Same_span_takes_the_gazetteer_type_when_the_model_is_unsure()
    {
        var merged = Merge([M(0, 4, EntityType.Person, 0.4f)], [G(0, 4, EntityType.Organization, "NASA")]);

        merged.Should().ContainSingle().Which.Type.Should().Be(EntityType.Organization);
        merged[0].Source.Should().Be(EntitySource.Model);
        merged[0].CanonicalName.Should().Be("NASA");
    }

    [Theory]
    [InlineData(EntityType.Organization, 0.55f, EntityType.Organization)]
    [InlineData(EntityType.Organization, 0.65f, EntityType.Person)]
    [InlineData(EntityType.Location, 0.55f, EntityType.Person)]
    [InlineData(EntityType.Location, 0.45f, EntityType.Location)]
    public void A_known_organisation_overrules_a_less_sure_model_than_a_known_place_does(EntityType gazetteerType, float modelConfidence, EntityType expected)
    {
        var merged = Merge([M(0, 5, EntityType.Person, modelConfidence)], [G(0, 5, gazetteerType, "Intel")]);

        merged.Should().ContainSingle().Which.Type.Should().Be(expected);
    }

    [Fact]
    public void Model_entity_overlapping_two_gazetteer_matches_is_kept_once()
    {
        var merged = Merge(
            [M(5, 10, EntityType.Organization, 0.9f)],
            [G(0, 7, EntityType.Location, "A"), G(12, 8, EntityType.Location, "B")]);

        merged.Should().ContainSingle().Which.Start.Should().Be(5);
    }

    [Fact]
    public void Empty_inputs_give_empty_output_and_model_only_passes_through()
    {
        Merge([], []).Should().BeEmpty();
        Merge([M(3, 2, EntityType.Location, 0.1f)], []).Should().ContainSingle().Which.Source.Should().Be(EntitySource.Model);
    }

    [Fact]
    public void Output_is_sorted_and_non_overlapping_for_random_inputs()
    {
        var random = new Random(1234);
        for (int round = 0; round < 500; round++)
        {
            var model = RandomSpans(random).Select(s => M(s.Start, s.Length, (EntityType)random.Next(3), (float)random.NextDouble())).ToList();
            var gazetteer = RandomSpans(random).Select(s => G(s.Start, s.Length, (EntityType)random.Next(3), "x", (GazetteerEvidence)random.Next(4))).ToList();

            var merged = Merge(model, gazetteer);

            for (int i = 1; i < merged.Count; i++)
                merged[i].Start.Should().BeGreaterThanOrEqualTo(merged[i - 1].End, "round {0}", round);
            merged.Where(e => e.Source == EntitySource.Model).Should().HaveCountLessThanOrEqualTo(model.Count);
            // Every model entity survives unless a gazetteer entity now covers it.
            foreach (var entity in model)
                merged.Should().Contain(e => e.Start <= entity.Start && e.End >= entity.Start + entity.Length, "round {0}", round);
        }
    }

    private static List<(int Start, int Length)> RandomSpans(Random random)
    {
        var spans = new List<(int, int)>();
        int position = random.Next(3);
        while (position < 100)
        {
            int length = random.Next(1, 12);
            spans.Add((position, length));
            position += length + random.Next(0, 10);
        }
        return spans;
    }
}
