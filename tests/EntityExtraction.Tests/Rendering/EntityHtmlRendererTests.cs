using System.Globalization;
using EntityExtraction.Rendering;
using static EntityExtraction.Tests.Rendering.RenderedHtml;

namespace EntityExtraction.Tests.Rendering;

public class EntityHtmlRendererTests
{
    private const string Text = "Meta et la Nasa, dit Sylvain Rolland à Paris.";

    private static readonly Entity[] Entities =
    [
        new() { Text = "Meta", Type = EntityType.Organization, Start = 0, Length = 4, Source = EntitySource.Model, Confidence = 0.971f },
        new() { Text = "Nasa", Type = EntityType.Organization, Start = 11, Length = 4, Source = EntitySource.Gazetteer, Confidence = 0.75f, CanonicalName = "NASA" },
        new() { Text = "Sylvain Rolland", Type = EntityType.Person, Start = 21, Length = 15, Source = EntitySource.Model, Confidence = 0.5f },
        new() { Text = "Paris", Type = EntityType.Location, Start = 39, Length = 5, Source = EntitySource.Model, Confidence = 1f },
    ];

    [Fact]
    public void Each_entity_is_one_mark_with_its_type_offsets_text_and_visible_label()
    {
        var fragment = Parse(EntityHtmlRenderer.Default.RenderFragment(Text, Entities));

        var marks = fragment.Descendants("mark").ToList();
        marks.Select(m => (Attribute(m, "data-type"), Attribute(m, "data-start"), Attribute(m, "data-end"), ReadableText(m)))
            .Should().Equal(("ORG", "0", "4", "Meta"), ("ORG", "11", "15", "Nasa"), ("PER", "21", "36", "Sylvain Rolland"), ("LOC", "39", "44", "Paris"));
        marks.Select(m => Attribute(m, "class")).Should().Equal("ee-ent ee-org", "ee-ent ee-org", "ee-ent ee-per", "ee-ent ee-loc");
        // The label is text in the mark, not a hover effect: PER, ORG, LOC are there for anyone who reads the page.
        marks.Select(m => m.Elements("span").Single(s => HasClass(s, "ee-label")).Value).Should().Equal("ORG", "ORG", "PER", "LOC");
        marks.Should().OnlyContain(m => m.Parent!.Equals(TextBlock(fragment)), "marks are in the text, and nowhere else");
    }

    [Fact]
    public void The_text_reads_back_exactly_with_its_newlines_and_spaces()
    {
        const string text = "Titre\r\n\n  Meta, puis\tIBM.\nFin \n";
        Entity[] entities =
        [
            new() { Text = "Meta", Type = EntityType.Organization, Start = 10, Length = 4 },
            new() { Text = "IBM", Type = EntityType.Organization, Start = 21, Length = 3 },
        ];

        var fragment = Parse(EntityHtmlRenderer.Default.RenderFragment(text, entities));

        // A parser reads a line end as one line feed, as a browser shows it; the offsets stay those of the text given.
        ReadableText(TextBlock(fragment)).Should().Be(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        fragment.Descendants("mark").Select(m => Attribute(m, "data-start")).Should().Equal("10", "21");
        EntityHtmlRenderer.StyleSheet.Should().Contain(".ee-entities .ee-text{white-space:pre-wrap;", "the browser keeps the line breaks");
    }

    [Fact]
    public void Markup_in_the_text_renders_as_text_and_no_element_comes_from_it()
    {
        const string text = "<script>alert(1)</script> & <b>IBM</b> \"cité\" l'<img src=x onerror=alert(2)>";
        Entity[] entities = [new() { Text = "IBM", Type = EntityType.Organization, Start = 31, Length = 3 }];

        string html = EntityHtmlRenderer.Default.RenderPage(text, entities);

        var fragment = ParseFragmentOfPage(html);
        fragment.Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "b", "img"]);
        ReadableText(TextBlock(fragment)).Should().Be(text);
        fragment.Descendants("mark").Single().Value.Should().StartWith("IBM");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;").And.NotContain("<script").And.NotContain("<img");
    }

    [Fact]
    public void Attribute_values_and_canonical_names_are_escaped()
    {
        const string canonical = "A&B \"<i>x</i>\" 'y' <script>";
        const string title = "</title><script>alert(1)</script>";
        Entity[] entities = [new() { Text = "AB", Type = EntityType.Organization, Start = 0, Length = 2, Source = EntitySource.Gazetteer, Confidence = 0.9f, CanonicalName = canonical }];
        var renderer = new EntityHtmlRenderer(new EntityHtmlOptions { Title = title });

        string page = renderer.RenderPage("AB", entities);

        page.Should().NotContain("<script").And.NotContain("<i>");
        page.Should().Contain("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>");
        var fragment = ParseFragmentOfPage(page);
        var mark = fragment.Descendants("mark").Single();
        Attribute(mark, "data-canonical").Should().Be(canonical);
        Attribute(mark, "title").Should().EndWith("\ncanonical name: " + canonical);
        fragment.Descendants("td").Last().Value.Should().Be(canonical);
        fragment.Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "i"]);
    }

    [Fact]
    public void The_tooltip_gives_type_source_confidence_and_canonical_name_a_line_each()
    {
        var marks = Parse(EntityHtmlRenderer.Default.RenderFragment(Text, Entities)).Descendants("mark").ToList();

        Attribute(marks[0], "title").Should().Be("ORG (organisation)\nfound by the model\nconfidence 0.97");
        Attribute(marks[1], "title").Should().Be("ORG (organisation)\nfound by the gazetteer\nconfidence 0.75\ncanonical name: NASA");
        Attribute(marks[2], "title").Should().Be("PER (person)\nfound by the model\nconfidence 0.50");
        Attribute(marks[3], "title").Should().Be("LOC (place)\nfound by the model\nconfidence 1.00");
    }

    [Fact]
    public void The_table_has_a_row_per_entity_with_text_type_offsets_source_confidence_and_canonical_name()
    {
        var table = Parse(EntityHtmlRenderer.Default.RenderFragment(Text, Entities)).Descendants("table").Single();

        table.Descendants("th").Select(th => th.Value).Should().Equal("#", "Text", "Type", "Start", "End", "Source", "Confidence", "Canonical name");
        table.Element("tbody")!.Elements("tr").Select(tr => string.Join("|", tr.Elements("td").Select(td => td.Value))).Should().Equal(
            "1|Meta|ORG|0|4|model|0.97|",
            "2|Nasa|ORG|11|15|gazetteer|0.75|NASA",
            "3|Sylvain Rolland|PER|21|36|model|0.50|",
            "4|Paris|LOC|39|44|model|1.00|");
        table.Element("caption")!.Value.Should().Be("4 entities, 1 found by the gazetteer");
    }

    [Fact]
    public void The_legend_names_each_type_with_its_label_and_count()
    {
        var legend = Parse(EntityHtmlRenderer.Default.RenderFragment(Text, Entities)).Element("ul")!;

        legend.Elements("li").Select(li => li.Value).Should().Equal("personPER 1 mention", "organisationORG 2 mentions", "placeLOC 1 mention");
        legend.Descendants("span").Where(s => HasClass(s, "ee-swatch")).Select(s => Attribute(s, "class"))
            .Should().Equal("ee-swatch ee-per", "ee-swatch ee-org", "ee-swatch ee-loc");
    }

    [Fact]
    public void Without_the_table_option_only_the_legend_and_the_text_are_written()
    {
        var renderer = new EntityHtmlRenderer(new EntityHtmlOptions { IncludeTable = false, Language = "fr-CA" });

        var fragment = Parse(renderer.RenderFragment(Text, Entities));

        fragment.Elements().Select(e => e.Name.LocalName).Should().Equal("ul", "div");
        Attribute(TextBlock(fragment), "lang").Should().Be("fr-CA");
        fragment.Descendants("mark").Should().HaveCount(4);
    }

    [Fact]
    public void A_text_without_entities_says_so_instead_of_an_empty_table()
    {
        var fragment = Parse(EntityHtmlRenderer.Default.RenderFragment("Rien à signaler.", []));

        fragment.Descendants("mark").Should().BeEmpty();
        fragment.Descendants("table").Should().BeEmpty();
        WithClass(fragment, "ee-none").Single().Value.Should().Be("No entities.");
        ReadableText(TextBlock(fragment)).Should().Be("Rien à signaler.");
    }

    [Fact]
    public void A_fragment_is_one_div_without_styles_and_a_page_is_a_whole_document_around_it()
    {
        string fragment = EntityHtmlRenderer.Default.RenderFragment(Text, Entities);
        string page = EntityHtmlRenderer.Default.RenderPage(Text, Entities);

        Parse(fragment).Name.LocalName.Should().Be("div");
        Attribute(Parse(fragment), "class").Should().Be("ee-entities");
        fragment.Should().NotContain("<style").And.NotContain("<html").And.NotContain("<h1");
        page.Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
            .And.Contain("<title>Entities</title>").And.Contain("<h1>Entities</h1>")
            .And.Contain(EntityHtmlRenderer.StyleSheet).And.Contain(fragment).And.EndWith("</main>\n</body>\n</html>\n");
    }

    [Fact]
    public void A_page_loads_nothing_and_runs_nothing()
    {
        string page = EntityHtmlRenderer.Default.RenderPage(Text, Entities);

        page.Should().NotContain("<script").And.NotContain("<link").And.NotContain("src=").And.NotContain("href=")
            .And.NotContain("url(").And.NotContain("@import").And.NotContain("http:").And.NotContain("https:");
        page.Should().Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    }

    [Fact]
    public void Every_rule_of_the_fragment_stylesheet_is_scoped_to_the_fragment()
    {
        var selectors = EntityHtmlRenderer.StyleSheet.Split('}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(rule => rule[..rule.IndexOf('{', StringComparison.Ordinal)])
            .SelectMany(selector => selector.Split(','))
            .ToList();

        selectors.Should().HaveCountGreaterThan(10).And.OnlyContain(s => s.StartsWith(".ee-entities", StringComparison.Ordinal));
    }

    [Fact]
    public void The_output_is_the_same_whatever_the_current_culture()
    {
        string invariant = WithCulture(CultureInfo.InvariantCulture, () => EntityHtmlRenderer.Default.RenderPage(Text, Entities));
        string french = WithCulture(CultureInfo.GetCultureInfo("fr-FR"), () => EntityHtmlRenderer.Default.RenderPage(Text, Entities));
        string arabic = WithCulture(CultureInfo.GetCultureInfo("ar-SA"), () => EntityHtmlRenderer.Default.RenderPage(Text, Entities));

        french.Should().Be(invariant).And.Contain("data-confidence=\"0.97\"", "a decimal point, not fr-FR's comma");
        arabic.Should().Be(invariant);
    }

    [Fact]
    public void Writing_to_a_writer_gives_what_the_string_overloads_return()
    {
        using var page = new StringWriter();
        using var fragment = new StringWriter();

        EntityHtmlRenderer.Default.RenderPage(page, Text, Entities);
        EntityHtmlRenderer.Default.RenderFragment(fragment, Text, Entities);

        page.ToString().Should().Be(EntityHtmlRenderer.Default.RenderPage(Text, Entities));
        fragment.ToString().Should().Be(EntityHtmlRenderer.Default.RenderFragment(Text, Entities));
    }

    [Fact]
    public void The_seed_article_renders_one_mark_per_extracted_entity_and_reads_back_whole()
    {
        string article = File.ReadAllText(Pipeline.SeedArticleTests.FindSeedArticle());
        var entities = FrenchEntityExtractor.CreateDefault().Extract(article);

        var fragment = ParseFragmentOfPage(EntityHtmlRenderer.Default.RenderPage(article, entities));

        entities.Should().HaveCountGreaterThan(30);
        fragment.Descendants("mark").Select(m => (Attribute(m, "data-type"), int.Parse(Attribute(m, "data-start"), CultureInfo.InvariantCulture), ReadableText(m)))
            .Should().Equal(entities.Select(e => (e.Type.ToCode(), e.Start, e.Text)));
        ReadableText(TextBlock(fragment)).Should().Be(article);
    }

    private static string WithCulture(CultureInfo culture, Func<string> render)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
