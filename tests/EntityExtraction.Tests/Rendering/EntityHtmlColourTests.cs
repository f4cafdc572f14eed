using System.Globalization;
using EntityExtraction.Rendering;

namespace EntityExtraction.Tests.Rendering;

/// <summary>
/// Every text colour of the page against the background it is read on reaches WCAG AA (4.5:1 for normal text), computed
/// from the stylesheet the page actually carries, with WCAG 2's relative luminance and contrast ratio.
/// </summary>
public class EntityHtmlColourTests
{
    private const double WcagAa = 4.5;

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)]   // the grey commonly cited as just failing AA
    [InlineData("#1d4ed8", "#ffffff", 6.70)]
    public void The_contrast_formula_gives_the_known_ratios(string foreground, string background, double expected)
    {
        Contrast(foreground, background).Should().BeApproximately(expected, 0.01);
        Contrast(background, foreground).Should().BeApproximately(expected, 0.01, "the ratio does not depend on the order");
    }

    [Fact]
    public void Every_text_colour_of_the_page_has_at_least_AA_contrast_on_its_background()
    {
        string page = EntityHtmlRenderer.Default.RenderPage("Meta", [new Entity { Text = "Meta", Type = EntityType.Organization, Start = 0, Length = 4 }]);
        int start = page.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        string css = page[start..page.IndexOf("</style>", StringComparison.Ordinal)];

        var pairs = Rules(css)
            .Where(r => r.Declarations.ContainsKey("color") || r.Declarations.ContainsKey("background"))
            // A rule that sets one of the two reads on the other inherited: the fragment's ink, the page's white.
            .Select(r => (r.Selector, Foreground: r.Declarations.GetValueOrDefault("color", "#1a1a1a"), Background: r.Declarations.GetValueOrDefault("background", "#ffffff")))
            .ToList();

        pairs.Should().HaveCountGreaterThanOrEqualTo(12, "the text, captions, table header and stripes, and three types' highlights and labels");
        pairs.Select(p => p.Selector).Should().Contain([".ee-entities .ee-per", ".ee-entities .ee-label-org", ".ee-entities .ee-loc"]);
        foreach (var (selector, foreground, background) in pairs)
            Contrast(foreground, background).Should().BeGreaterThanOrEqualTo(WcagAa, "{0} writes {1} on {2}", selector, foreground, background);
    }

    [Fact]
    public void Each_type_has_its_own_highlight_and_label_colours()
    {
        var rules = Rules(EntityHtmlRenderer.StyleSheet).Where(r => r.Declarations.ContainsKey("background")).ToDictionary(r => r.Selector, r => r.Declarations["background"]);
        string[] highlights = [rules[".ee-entities .ee-per"], rules[".ee-entities .ee-org"], rules[".ee-entities .ee-loc"]];
        string[] labels = [rules[".ee-entities .ee-label-per"], rules[".ee-entities .ee-label-org"], rules[".ee-entities .ee-label-loc"]];

        highlights.Should().OnlyHaveUniqueItems();
        labels.Should().OnlyHaveUniqueItems();
    }

    private static IEnumerable<(string Selector, Dictionary<string, string> Declarations)> Rules(string css) =>
        css.Split('}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(rule => rule.Split('{'))
            .SelectMany(parts => parts[0].Split(',').Select(selector => (selector.Trim(), parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => d.Split(':', 2))
                .Where(d => d[1].StartsWith('#'))
                .ToDictionary(d => d[0].Trim(), d => d[1].Trim()))));

    internal static double Contrast(string a, string b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    // WCAG 2: relative luminance of an sRGB colour.
    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            double c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
