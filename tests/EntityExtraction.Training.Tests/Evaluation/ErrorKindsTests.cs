using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Tests.Evaluation;

public class ErrorKindsTests
{
    private const string Text = "L'Autorité des marchés financiers et la Banque de France, à Paris et Lyon, avec Le Mans.";

    private static EntitySpan Span(string name, EntityType type)
    {
        int start = Text.IndexOf(name, StringComparison.Ordinal);
        return new EntitySpan(start, start + name.Length, type);
    }

    private static ErrorKinds Count(EntitySpan[] gold, EntitySpan[] predicted)
    {
        var kinds = new ErrorKinds();
        kinds.Add(Text, gold, predicted);
        return kinds;
    }

    [Fact]
    public void Each_kind_of_boundary_error_is_told_apart()
    {
        var org = EntityType.Organization;
        var loc = EntityType.Location;
        var kinds = Count(
            [Span("Autorité des marchés financiers", org), Span("Banque de France", org), Span("Paris", loc), Span("Lyon", loc), Span("Le Mans", loc)],
            [Span("Autorité", org), Span("Banque", org), Span("France", loc), Span("Paris et Lyon", loc), Span("Mans", loc)]);

        kinds[ErrorKind.MissingEnd].Should().Be(1, "'[Autorité] des marchés financiers'");
        kinds[ErrorKind.Split].Should().Be(1, "'[Banque] de [France]'");
        kinds[ErrorKind.Merged].Should().Be(2, "'[Paris et Lyon]' covers two gold places, each counted");
        kinds[ErrorKind.MissingStart].Should().Be(1, "'Le [Mans]'");
        kinds.GoldCount.Should().Be(5);
        kinds.ExamplesOf(ErrorKind.MissingEnd).Should().ContainSingle().Which.Should()
            .Be("gold ORG 'Autorité des marchés financiers', predicted ORG 'Autorité'");
    }

    [Fact]
    public void Types_misses_and_spurious_predictions_are_counted()
    {
        var kinds = Count(
            [Span("Paris", EntityType.Location), Span("Lyon", EntityType.Location), Span("Le Mans", EntityType.Location)],
            [Span("Paris", EntityType.Person), Span("Lyon", EntityType.Location), Span("Banque", EntityType.Organization), Span("Mans.", EntityType.Organization)]);

        kinds[ErrorKind.WrongType].Should().Be(1);
        kinds[ErrorKind.Spurious].Should().Be(1, "'Banque' overlaps no gold entity");
        kinds[ErrorKind.Shifted].Should().Be(1, "'Mans.' crosses the end of 'Le Mans'");
        kinds.AlsoWrongType.Should().Be(1, "the shifted 'Mans.' is also an organisation");
        kinds[ErrorKind.Missed].Should().Be(0);
        Count([Span("Lyon", EntityType.Location)], [])[ErrorKind.Missed].Should().Be(1);
    }
}
