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

    [Theory]
    [InlineData("Paris\tLOC\n...\tORG\n", 2, "name '...' has no letter or digit")]
    [InlineData("Paris\tLOC\n\u200B\tORG\n", 2, "name '\\u200B' has no letter or digit")]
    [InlineData("Paris\tLOC\nLyon\tLOC\tLyon\t--\n", 2, "alias of 'Lyon' '--' has no letter or digit")]
    public void A_name_without_letter_or_digit_is_refused_with_its_line(string content, int line, string problem)
    {
        var error = LoadError(content);

        error.LineNumber.Should().Be(line);
        error.Problem.Should().Contain(problem).And.NotContain("Parameter");
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        string name = string.Join(" ", Enumerable.Repeat("Banque", 40));

        LoadError($"{name}\tORG\n").Problem.Should().Be($"The name is {name.Length} characters long; the limit is 256.");
        var act = () => new GazetteerEntry(name, EntityType.Organization);
        act.Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Fact]
    public void A_line_without_end_is_refused_before_it_fills_the_memory()
    {
        var error = LoadError(new string('\0', 1_000_000));

        error.LineNumber.Should().Be(1);
        error.Problem.Should().Contain("line longer than 4,096 characters");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_with_the_line_and_byte()
    {
        string path = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.tsv");
        // "Société Générale" in Latin-1 on line 2: é is the single byte 0xE9, which is not UTF-8.
        File.WriteAllBytes(path, [.. "Paris\tLOC\n"u8, .. System.Text.Encoding.Latin1.GetBytes("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\tORG\n")]);
        try
        {
            var act = () => Gazetteer.LoadTsv(path);

            var error = act.Should().Throw<GazetteerFormatException>().Which;
            error.LineNumber.Should().Be(2);
            error.Problem.Should().StartWith("invalid UTF-8 at byte 5 of the line (0xE9)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_and_crlf_lines_loads()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bom-{Guid.NewGuid():N}.tsv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\tORG\r\nLyon\tLOC"u8]);
        try
        {
            Gazetteer.LoadTsv(path).Entries.Select(e => (e.Name, e.Type)).Should().Equal(
                ("Société Générale", EntityType.Organization), ("Lyon", EntityType.Location));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_directory_is_reported_as_a_directory()
    {
        var act = () => Gazetteer.LoadTsv(Path.GetTempPath());
        act.Should().Throw<FileNotFoundException>().WithMessage("*is a directory*");
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
