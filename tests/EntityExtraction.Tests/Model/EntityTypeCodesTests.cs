using EntityExtraction.Gazetteers;

namespace EntityExtraction.Tests.Model;

public class EntityTypeCodesTests
{
    [Theory]
    [InlineData(EntityType.Person, "PER")]
    [InlineData(EntityType.Organization, "ORG")]
    [InlineData(EntityType.Location, "LOC")]
    public void Every_type_has_one_code_that_reads_back(EntityType type, string code)
    {
        type.ToCode().Should().Be(code);
        EntityTypeCodes.TryParseCode(code, out var strict).Should().BeTrue();
        strict.Should().Be(type);
        EntityTypeCodes.TryParse(code, out var lenient).Should().BeTrue();
        lenient.Should().Be(type);
    }

    [Fact]
    public void Every_defined_type_has_a_distinct_code()
    {
        Enum.GetValues<EntityType>().Select(t => t.ToCode()).Should().OnlyHaveUniqueItems().And.HaveCount(3);
    }

    [Fact]
    public void An_undefined_type_has_no_code()
    {
        var act = () => ((EntityType)7).ToCode();
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("per", EntityType.Person)]
    [InlineData(" Person ", EntityType.Person)]
    [InlineData("organisation", EntityType.Organization)]
    [InlineData("ORGANIZATION", EntityType.Organization)]
    [InlineData("Location", EntityType.Location)]
    public void People_may_write_a_type_in_any_case_or_by_its_name(string text, EntityType type)
    {
        EntityTypeCodes.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(type);
    }

    [Theory]
    [InlineData("MISC")]
    [InlineData("CITY")]
    [InlineData("")]
    [InlineData("PERSONNE")]
    [InlineData("an organisation name far too long to be a type")]
    public void Anything_else_is_not_a_type(string text)
    {
        EntityTypeCodes.TryParse(text, out _).Should().BeFalse();
        EntityTypeCodes.TryParseCode(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Data_files_must_write_codes_exactly()
    {
        EntityTypeCodes.TryParseCode("per", out _).Should().BeFalse();
        EntityTypeCodes.TryParseCode("Person", out _).Should().BeFalse();
    }

    [Fact]
    public void An_unknown_type_in_a_gazetteer_file_is_an_error_with_its_line_number()
    {
        var act = () => Gazetteer.LoadTsv(new StringReader("Paris\tLOC\n# comment\nLyon\tCITY\n"), "places.tsv");
        act.Should().Throw<GazetteerFormatException>().WithMessage("places.tsv:3:*unknown entity type 'CITY'*PER, ORG or LOC*");
    }
}
