using System.Text;
using EntityExtraction.Rendering;
using static EntityExtraction.Tests.Rendering.RenderedHtml;

namespace EntityExtraction.Tests.Rendering;

/// <summary>What the renderer refuses, and the text it must carry through: surrogate pairs, lone surrogates, controls.</summary>
public class EntityHtmlInputTests
{
    private static Entity Org(string text, int start, int length) => new() { Text = text, Type = EntityType.Organization, Start = start, Length = length };

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var renderer = EntityHtmlRenderer.Default;
        using var writer = new StringWriter();

        FluentActions.Invoking(() => renderer.RenderPage((string)null!, [])).Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("text");
        FluentActions.Invoking(() => renderer.RenderPage("x", null!)).Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("entities");
        FluentActions.Invoking(() => renderer.RenderFragment((string)null!, [])).Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("text");
        FluentActions.Invoking(() => renderer.RenderFragment("x", null!)).Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("entities");
        FluentActions.Invoking(() => renderer.RenderPage(null!, "x", [])).Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("writer");
        FluentActions.Invoking(() => renderer.RenderFragment(writer, "x", null!)).Should().Throw<ArgumentNullException>().And.ParamName.Should().Be("entities");
        FluentActions.Invoking(() => new EntityHtmlRenderer(null!)).Should().Throw<ArgumentNullException>();
    }

    public static TheoryData<Entity[], string> BadEntities => new()
    {
        { [Org("IBM", 8, 3)], "entities[0] [8..11) \"IBM\" is outside the text (length 10)." },
        { [Org("IBM", -1, 3)], "entities[0] [-1..2) \"IBM\" is outside the text (length 10)." },
        { [Org("", 2, 0)], "entities[0] [2..2) \"\" is empty or of negative length." },
        { [Org("Meta", 0, 4), Org("ta e", 2, 4)], "entities[1] [2..6) \"ta e\" overlaps entities[0] [0..4) \"Meta\"." },
        { [Org("et", 5, 2), Org("Meta", 0, 4)], "entities[1] [0..4) \"Meta\" starts before entities[0] [5..7) \"et\": entities must be sorted by start." },
        { [Org("Meta", 0, 4), Org("Meta", 0, 4)], "entities[1] [0..4) \"Meta\" overlaps entities[0] [0..4) \"Meta\"." },
        { [Org("Nasa", 0, 4)], "entities[0] [0..4) \"Nasa\" has the text \"Nasa\" but its span holds \"Meta\" (entities of another text?)." },
        { [Org("Meta", 0, 4) with { Type = (EntityType)9 }], "entities[0] [0..4) \"Meta\" has an undefined type (9)." },
        { [Org("Meta", 0, 4), null!], "entities[1] is null." },
    };

    [Theory]
    [MemberData(nameof(BadEntities))]
    public void An_entity_that_cannot_be_drawn_is_named_by_index_and_span(Entity[] entities, string message)
    {
        const string text = "Meta et IBM";   // cut to "Meta et IB", 10 characters

        var act = () => EntityHtmlRenderer.Default.RenderPage(text[..10], entities);

        act.Should().Throw<ArgumentException>().WithMessage(message + "*").And.ParamName.Should().Be("entities");
    }

    [Fact]
    public void Nothing_is_written_when_an_entity_is_refused()
    {
        using var writer = new StringWriter();

        var act = () => EntityHtmlRenderer.Default.RenderPage(writer, "Meta", [Org("Meta", 0, 4), Org("Meta", 0, 4)]);

        act.Should().Throw<ArgumentException>();
        writer.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Surrogate_pairs_stay_whole_and_offsets_stay_utf16()
    {
        // "🚀", "𝔸" and "😀" are two UTF-16 code units each: IBM is [3..6), the name with the emoji [10..22).
        const string text = "🚀 IBM et 𝔸lpha 😀 SA.";
        Entity[] entities = [Org("IBM", 3, 3), Org("𝔸lpha 😀 SA", 10, 12)];
        text.Substring(10, 12).Should().Be("𝔸lpha 😀 SA", "the test's own offsets are right");

        var fragment = Parse(EntityHtmlRenderer.Default.RenderFragment(text, entities));

        fragment.Descendants("mark").Select(m => (Attribute(m, "data-start"), Attribute(m, "data-end"), ReadableText(m)))
            .Should().Equal(("3", "6", "IBM"), ("10", "22", "𝔸lpha 😀 SA"));
        ReadableText(TextBlock(fragment)).Should().Be(text);
    }

    [Theory]
    [InlineData(1, 2)]   // starts inside the rocket
    [InlineData(3, 5)]   // ends inside the letter
    public void An_entity_that_splits_a_surrogate_pair_is_refused(int start, int length)
    {
        const string text = "🚀 IBM 𝔸";

        var act = () => EntityHtmlRenderer.Default.RenderFragment(text, [Org(text.Substring(start, length), start, length)]);

        act.Should().Throw<ArgumentException>().WithMessage($"entities[0] [{start}..{start + length})*splits a surrogate pair*");
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_become_replacement_characters_one_for_one()
    {
        string text = "Meta\uD800 et\u0001 IBM\u007F\uDC00.";
        Entity[] entities = [Org("IBM", 10, 3)];

        string html = EntityHtmlRenderer.Default.RenderPage(text, entities);

        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        FluentActions.Invoking(() => strictUtf8.GetBytes(html)).Should().NotThrow("the page is valid text in any encoding");
        var fragment = ParseFragmentOfPage(html);
        ReadableText(TextBlock(fragment)).Should().Be("Meta\uFFFD et\uFFFD IBM\uFFFD\uFFFD.");
        Attribute(fragment.Descendants("mark").Single(), "data-start").Should().Be("10");
    }

    [Theory]
    [InlineData("")]
    [InlineData("f")]
    [InlineData("fr CA")]
    [InlineData("fr\" onmouseover=\"x")]
    [InlineData("fr-")]
    public void A_language_that_is_not_a_language_tag_is_refused(string language)
    {
        var act = () => new EntityHtmlRenderer(new EntityHtmlOptions { Language = language });

        act.Should().Throw<ArgumentException>().WithMessage("*is not a language tag such as fr or fr-CA*");
    }

    [Fact]
    public void A_null_title_is_refused()
    {
        var act = () => new EntityHtmlRenderer(new EntityHtmlOptions { Title = null! });

        act.Should().Throw<ArgumentNullException>();
    }
}
