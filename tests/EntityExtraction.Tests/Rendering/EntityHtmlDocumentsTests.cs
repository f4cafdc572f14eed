using System.Xml.Linq;
using EntityExtraction.Rendering;
using static EntityExtraction.Tests.Rendering.RenderedHtml;

namespace EntityExtraction.Tests.Rendering;

/// <summary>A page of several documents (JSONL records): a section each, headed by its id.</summary>
public class EntityHtmlDocumentsTests
{
    private static readonly EntityHtmlDocument[] Documents =
    [
        new("doc-1", "Meta recrute.", [new Entity { Text = "Meta", Type = EntityType.Organization, Start = 0, Length = 4 }]),
        new(null, "Rien.", []),
        new("<b>3</b>", "Paris et Lyon.",
        [
            new Entity { Text = "Paris", Type = EntityType.Location, Start = 0, Length = 5 },
            new Entity { Text = "Lyon", Type = EntityType.Location, Start = 9, Length = 4 },
        ]),
    ];

    private static XElement[] Sections(string page)
    {
        int start = page.IndexOf("<section", StringComparison.Ordinal);
        int end = page.LastIndexOf("</section>", StringComparison.Ordinal) + "</section>".Length;
        return [.. XElement.Parse($"<root>{page[start..end]}</root>", LoadOptions.PreserveWhitespace).Elements("section")];
    }

    [Fact]
    public void Each_document_is_a_section_headed_by_its_id_with_its_own_marks()
    {
        string page = EntityHtmlRenderer.Default.RenderPage(Documents);

        var sections = Sections(page);
        sections.Select(s => s.Element("h2")!.Value).Should().Equal("doc-1", "Document 2", "<b>3</b>");
        sections.Select(s => Attribute(s, "id")).Should().Equal("ee-doc-1", "ee-doc-2", "ee-doc-3");
        sections.Select(s => s.Descendants("mark").Count()).Should().Equal(1, 0, 2);
        sections.Select(s => ReadableText(TextBlock(s))).Should().Equal("Meta recrute.", "Rien.", "Paris et Lyon.");
        page.Should().Contain("<h2 id=\"ee-doc-3-title\">&lt;b&gt;3&lt;/b&gt;</h2>")
            .And.Contain("<p class=\"ee-summary\">3 documents, 3 entities.</p>");
        page.Split("<!DOCTYPE html>").Should().HaveCount(2, "one page");
    }

    [Fact]
    public void A_section_holds_what_the_fragment_of_its_document_is()
    {
        string page = EntityHtmlRenderer.Default.RenderPage(Documents);

        page.Should().Contain(EntityHtmlRenderer.Default.RenderFragment(Documents[2].Text, Documents[2].Entities));
    }

    [Fact]
    public void No_document_gives_a_whole_page_that_says_so()
    {
        string page = EntityHtmlRenderer.Default.RenderPage([]);

        page.Should().StartWith("<!DOCTYPE html>").And.Contain("<p class=\"ee-summary\">0 documents, 0 entities.</p>").And.EndWith("</html>\n");
    }

    [Fact]
    public void A_lazy_sequence_is_written_as_it_is_read()
    {
        using var writer = new StringWriter();
        var seen = new List<string>();
        IEnumerable<EntityHtmlDocument> Produce()
        {
            foreach (var document in Documents)
            {
                seen.Add(writer.ToString());
                yield return document;
            }
        }

        EntityHtmlRenderer.Default.RenderPage(writer, Produce());

        seen[0].Should().BeEmpty();
        seen[2].Should().Contain("id=\"ee-doc-2\"", "the second section was written before the third document was asked for");
    }

    [Fact]
    public void A_bad_document_is_named_by_index_and_id()
    {
        EntityHtmlDocument[] documents =
        [
            Documents[0],
            new("doc-2", "Lyon", [new Entity { Text = "Lyon", Type = EntityType.Location, Start = 1, Length = 4 }]),
        ];

        var act = () => EntityHtmlRenderer.Default.RenderPage(documents);

        act.Should().Throw<ArgumentException>().WithMessage("documents[1] (doc-2): entities[0] [1..5) \"Lyon\" is outside the text (length 4).*")
            .And.ParamName.Should().Be("documents");
        var nullDocument = () => EntityHtmlRenderer.Default.RenderPage([Documents[0], null!]);
        nullDocument.Should().Throw<ArgumentException>().WithMessage("documents[1] is null.*");
        var nullText = () => new EntityHtmlDocument("x", null!, []);
        nullText.Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("text");
        var nullSequence = () => EntityHtmlRenderer.Default.RenderPage((IEnumerable<EntityHtmlDocument>)null!);
        nullSequence.Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("documents");
    }
}
