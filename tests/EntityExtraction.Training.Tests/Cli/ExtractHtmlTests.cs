using System.Text;
using EntityExtraction.Cli;
using static EntityExtraction.Tests.Rendering.RenderedHtml;

namespace EntityExtraction.Training.Tests.Cli;

/// <summary><c>extract --format html</c>: one page of the text, or one page with a section per JSONL record.</summary>
public sealed class ExtractHtmlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("extract-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly Entity[] Entities =
    [
        new() { Text = "Meta", Type = EntityType.Organization, Start = 0, Length = 4, Source = EntitySource.Model, Confidence = 0.97f },
        new() { Text = "Nasa", Type = EntityType.Organization, Start = 11, Length = 4, Source = EntitySource.Gazetteer, Confidence = 0.75f, CanonicalName = "NASA" },
    ];

    private static string Write(Action<ExtractOutputWriter> write)
    {
        using var output = new MemoryStream();
        using (var writer = new ExtractOutputWriter(output, "html", "Entities — t.txt"))
            write(writer);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void A_text_is_one_page_with_a_mark_per_entity()
    {
        string page = Write(w => w.Write(null, "Meta et la Nasa.", Entities));

        page.Should().StartWith("<!DOCTYPE html>").And.Contain("<title>Entities — t.txt</title>").And.EndWith("</html>\n");
        page.Should().NotContain("<section", "a plain text is the page's one document");
        ParseFragmentOfPage(page).Descendants("mark").Select(m => (Attribute(m, "data-type"), ReadableText(m))).Should().Equal(("ORG", "Meta"), ("ORG", "Nasa"));
    }

    [Fact]
    public void Records_are_sections_of_one_page_headed_by_their_ids()
    {
        string page = Write(w =>
        {
            w.Write("\"doc-1\"", "Meta et la Nasa.", Entities);
            w.Write("42", "Rien.", []);
            w.Write("\"a\\\"b\"", "Rien.", []);
        });

        page.Split("<!DOCTYPE html>").Should().HaveCount(2, "one page");
        page.Should().Contain("<h2 id=\"ee-doc-1-title\">doc-1</h2>").And.Contain("<h2 id=\"ee-doc-2-title\">42</h2>")
            .And.Contain("<h2 id=\"ee-doc-3-title\">a&quot;b</h2>").And.Contain("3 documents, 2 entities.").And.EndWith("</html>\n");
    }

    [Fact]
    public void No_record_still_gives_a_whole_page()
    {
        string page = Write(_ => { });

        page.Should().StartWith("<!DOCTYPE html>").And.Contain("0 documents, 0 entities.").And.EndWith("</html>\n");
    }

    [Fact]
    public void The_page_title_names_the_input()
    {
        ExtractCommand.PageTitle("/data/articles/ai.txt").Should().Be("Entities — ai.txt");
        ExtractCommand.PageTitle("-").Should().Be("Entities — standard input");
        ExtractCommand.PageTitle(null).Should().Be("Entities — standard input");
    }

    [Fact]
    public void The_command_writes_the_page_the_json_output_describes()
    {
        string path = Path.Combine(_folder, "article.txt");
        File.WriteAllText(path, "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland. <script>alert(1)</script>");

        var html = CliContractTests.RunTool("entity-extraction", "extract", path, "--format", "html");
        var json = CliContractTests.RunTool("entity-extraction", "extract", path, "--format", "json");

        html.ExitCode.Should().Be(0, html.Error);
        html.Error.Should().BeEmpty();
        using var expected = System.Text.Json.JsonDocument.Parse(json.Output);
        var entities = expected.RootElement[0].GetProperty("entities").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("start").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetProperty("text").GetString()!))
            .ToList();
        entities.Should().Contain(("PER", "41", "Sylvain Rolland"));
        var fragment = ParseFragmentOfPage(html.Output);
        fragment.Descendants("mark").Select(m => (Attribute(m, "data-type"), Attribute(m, "data-start"), ReadableText(m))).Should().Equal(entities);
        fragment.Descendants("script").Should().BeEmpty();
        html.Output.Should().Contain("<title>Entities — article.txt</title>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public void Jsonl_input_gives_a_section_per_record_and_a_whole_page_even_after_a_malformed_record()
    {
        string path = Path.Combine(_folder, "records.jsonl");
        File.WriteAllLines(path, ["""{"id":"a-1","text":"Sylvain Rolland vit à Paris."}""", """{"id":2,"text":"IBM recrute."}""", "{broken"]);

        var (exitCode, output, error) = CliContractTests.RunTool("entity-extraction", "extract", path, "--input-format", "jsonl", "--format", "html");

        exitCode.Should().Be(1);
        error.Should().Contain("records.jsonl:3: malformed record");
        output.Should().Contain("<h2 id=\"ee-doc-1-title\">a-1</h2>").And.Contain("<h2 id=\"ee-doc-2-title\">2</h2>")
            .And.Contain("2 documents,").And.EndWith("</html>\n");
    }
}
