using EntityExtraction.Model;
using EntityExtraction.Pipeline;

namespace EntityExtraction.Tests.Pipeline;

public class LabelConsistencyTests
{
    private const string Text = "Microsoft recrute. Il part à Microsoft. Microsoft grandit. Paris et Lyon, pas Paris.";

    private static int Index(string name, int nth) =>
        Enumerable.Range(0, nth).Aggregate(-1, (at, _) => Text.IndexOf(name, at + 1, StringComparison.Ordinal));

    private static MergedEntity M(string name, int nth, EntityType type, float confidence, bool fromCaller = false) =>
        new(Index(name, nth), name.Length, type, fromCaller ? EntitySource.Gazetteer : EntitySource.Model, confidence, null, fromCaller);

    [Fact]
    public void Mentions_of_one_name_in_a_document_get_the_type_their_confidences_vote_for()
    {
        var before = new MergedEntity(0, 1, EntityType.Person, EntitySource.Model, 0.9f, null); // outside the document's range
        var entities = new List<MergedEntity>
        {
            before,
            M("Microsoft", 1, EntityType.Organization, 0.5f),
            M("Microsoft", 2, EntityType.Location, 0.7f),
            M("Microsoft", 3, EntityType.Organization, 0.4f),
            M("Paris", 1, EntityType.Location, 0.6f),
            M("Lyon", 1, EntityType.Location, 0.9f),
            M("Paris", 2, EntityType.Person, 0.8f),
        };

        LabelConsistency.Apply(Text, entities, first: 1);

        // Microsoft: ORG 0.9 against LOC 0.7; Paris: PER 0.8 against LOC 0.6; positions and confidences stay.
        entities.Select(e => e.Type).Should().Equal(
            EntityType.Person, EntityType.Organization, EntityType.Organization, EntityType.Organization,
            EntityType.Person, EntityType.Location, EntityType.Person);
        entities.Select(e => e.Confidence).Should().Equal(0.9f, 0.5f, 0.7f, 0.4f, 0.6f, 0.9f, 0.8f);
        entities[2].Start.Should().Be(Text.IndexOf("à Microsoft", StringComparison.Ordinal) + 2);
    }

    [Fact]
    public void Mentions_without_any_confidence_keep_their_types()
    {
        // Confidences of 0 carry no vote; the first type must not win by default.
        const string text = "Orange à Orange.";
        var entities = new List<ModelEntity>
        {
            new(0, 6, EntityType.Organization, 0f, 0, 1),
            new(9, 6, EntityType.Location, 0f, 2, 1),
        };

        LabelConsistency.Apply(text, entities);

        entities.Select(e => e.Type).Should().Equal(EntityType.Organization, EntityType.Location);
    }

    [Fact]
    public void A_tie_goes_to_the_first_type_in_enum_order()
    {
        var entities = new List<MergedEntity>
        {
            M("Microsoft", 1, EntityType.Location, 0.5f),
            M("Microsoft", 2, EntityType.Organization, 0.5f),
        };

        LabelConsistency.Apply(Text, entities);

        entities.Should().OnlyContain(e => e.Type == EntityType.Organization);
    }

    [Fact]
    public void A_name_from_the_callers_gazetteer_keeps_its_type_and_gives_it_to_the_other_mentions()
    {
        var entities = new List<MergedEntity>
        {
            M("Microsoft", 1, EntityType.Location, 0.95f),
            M("Microsoft", 2, EntityType.Organization, 0.3f, fromCaller: true),
            M("Microsoft", 3, EntityType.Location, 0.99f),
        };

        LabelConsistency.Apply(Text, entities);

        entities.Should().OnlyContain(e => e.Type == EntityType.Organization);
        entities[1].FromCallerGazetteer.Should().BeTrue();
    }
}
