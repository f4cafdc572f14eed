using System.Xml.Linq;
using EntityExtraction.Rendering;

namespace EntityExtraction.Tests.Rendering;

/// <summary>
/// Reads what <see cref="EntityHtmlRenderer"/> wrote with a real parser, not patterns: a fragment closes every element
/// and uses no reference XML lacks, so it parses as XML, whitespace kept.
/// </summary>
internal static class RenderedHtml
{
    public static XElement Parse(string fragment) => XElement.Parse(fragment, LoadOptions.PreserveWhitespace);

    /// <summary>The fragment of a page: between the page's first heading and the end of its main element.</summary>
    public static XElement ParseFragmentOfPage(string page)
    {
        int start = page.IndexOf("<div class=\"ee-entities\">", StringComparison.Ordinal);
        int end = page.LastIndexOf("</main>", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        return Parse(page[start..end]);
    }

    public static bool HasClass(XElement element, string name) =>
        ((string?)element.Attribute("class") ?? "").Split(' ').Contains(name);

    public static IEnumerable<XElement> WithClass(XElement root, string name) =>
        root.DescendantsAndSelf().Where(e => HasClass(e, name));

    /// <summary>The text as a reader selects and copies it: every text node but the type labels (which are not selectable).</summary>
    public static string ReadableText(XElement element) => string.Concat(element.DescendantNodes().OfType<XText>()
        .Where(t => !t.Ancestors().Any(a => HasClass(a, "ee-label")))
        .Select(t => t.Value));

    /// <summary>The highlighted text's block.</summary>
    public static XElement TextBlock(XElement fragment) => WithClass(fragment, "ee-text").Single();

    public static string Attribute(XElement element, string name) => (string?)element.Attribute(name) ?? throw new InvalidOperationException($"no attribute {name} on {element.Name}");
}
