using EntityExtraction.Gazetteers;

namespace EntityExtraction.Tests.Gazetteers;

public class GazetteerTsvTests
{
    // Fixtures are copied next to the test assembly: source paths are mapped away in CI (deterministic) builds.
    private static string FixturePath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Gazetteers", "Fixtures", name);

    private static GazetteerFormatException LoadError(string content, string source = "custom.tsv")
    {
        var act = () => Gazetteer.LoadTsv(new StringReader(content), source);
        return act.Should().Throw<GazetteerFormatException>().Which;
    }

    [Fact]
    public void Loads_a_file_with_comments_blank_lines_aliases_and_modes()
    {
        var gazetteer = Gazetteer.LoadTsv(FixturePath("sample.tsv"));

        gazetteer.Count.Should().Be(3);
        var pekin = gazetteer.Entries.Single(e => e.Name == "Pékin");
        pekin.Type.Should().Be(EntityType.Location);
        pekin.CanonicalName.Should().Be("Pékin");
        pekin.Aliases.Should().Equal("Beijing");
        pekin.MatchMode.Should().Be(GazetteerMatchMode.IgnoreCaseAndAccents);
        gazetteer.Entries.Single(e => e.Name == "NASA").MatchMode.Should().Be(GazetteerMatchMode.Exact);
        gazetteer.Entries.Single(e => e.Name == "fondation Linux").MatchMode.Should().Be(GazetteerMatchMode.IgnoreCase);

        const string text = "La Nasa, la fondation Linux et Pekin.";
        gazetteer.FindMatches(text).Select(m => (text.Substring(m.Start, m.Length), m.CanonicalName)).Should().Equal(
            ("Nasa", "NASA"), ("fondation Linux", "Linux Foundation"), ("Pekin", "Pékin"));
    }

    [Theory]
    [InlineData("PER", EntityType.Person)]
    [InlineData("person", EntityType.Person)]
    [InlineData("Org", EntityType.Organization)]
    [InlineData("ORGANIZATION", EntityType.Organization)]
    [InlineData("loc", EntityType.Location)]
    [InlineData("Location", EntityType.Location)]
    public void Type_column_accepts_short_and_long_names_in_any_case(string type, EntityType expected)
    {
        Gazetteer.LoadTsv(new StringReader($"Quelque Nom\t{type}"), "t.tsv").Entries.Single().Type.Should().Be(expected);
    }

    [Fact]
    public void Unknown_type_names_the_file_and_line()
    {
        var error = LoadError("# header\nParis\tLOC\n\nLyon\tCITY\n", "cities.tsv");

        error.FileName.Should().Be("cities.tsv");
        error.LineNumber.Should().Be(4);
        error.Message.Should().Be("cities.tsv:4: unknown entity type 'CITY' (expected PER, ORG or LOC)");
    }

    [Theory]
    [InlineData("Paris\tLOC\nLyon\n", 2)]                         // too few columns
    [InlineData("Paris\tLOC\tParis\t\tExact\textra\n", 1)]        // too many columns
    [InlineData("Paris\tLOC\n\tLOC\n", 2)]                         // empty name
    [InlineData("Paris\tLOC\n# c\n\nLyon\tLOC\tLyon\tLugdunum||\n", 4)] // empty alias, after a comment and a blank line
    [InlineData("Paris\tLOC\tParis\t\tFuzzy\n", 1)]               // unknown match mode
    public void Malformed_line_reports_its_line_number(string content, int line)
    {
        var error = LoadError(content);

        error.LineNumber.Should().Be(line);
        error.Message.Should().StartWith($"custom.tsv:{line}: ");
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var act = () => Gazetteer.LoadTsv("/nonexistent/gazetteer.tsv");
        act.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/gazetteer.tsv*");
    }

    [Fact]
    public void Loaded_gazetteers_combine_with_the_later_one_taking_precedence()
    {
        var first = Gazetteer.LoadTsv(new StringReader("Londres\tORG\n"), "a.tsv");
        var second = Gazetteer.LoadTsv(FixturePath("places.tsv"));

        var combined = Gazetteer.Combine([first, second]);

        combined.Count.Should().Be(3);
        combined.FindMatches("De London à Londres avec Marie Curie.").Select(m => (m.CanonicalName, m.Type)).Should().Equal(
            ("Londres", EntityType.Location), ("Londres", EntityType.Location), ("Marie Curie", EntityType.Person));
    }
}
