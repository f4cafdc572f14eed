using EntityExtraction;
using EntityExtraction.Rendering;
using static EntityExtraction.Tests.Rendering.RenderedHtml;

namespace EntityExtraction.Tests.Rendering;

/// <summary>The README's "HTML view" snippet is the code of this test, line for line: it compiles and runs, so it cannot go stale.</summary>
public sealed class ReadmeHtmlViewTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("html-view-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_snippet_runs()
    {
        string text = "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland.";
        string path = Path.Combine(_folder, "entities.html");

        // README, HTML view: begin
        var entities = FrenchEntityExtractor.CreateDefault().Extract(text);
        // One self-contained page (inline CSS, no script): open it in any browser, offline.
        File.WriteAllText(path, EntityHtmlRenderer.Default.RenderPage(text, entities));
        // Or one <div class="ee-entities"> for a page of your own, with EntityHtmlRenderer.StyleSheet in its <style>.
        var renderer = new EntityHtmlRenderer(new EntityHtmlOptions { Title = "Revue de presse", IncludeTable = false });
        string fragment = renderer.RenderFragment(text, entities);
        // README, HTML view: end

        entities.Should().Contain(e => e.Text == "Sylvain Rolland" && e.Type == EntityType.Person);
        ParseFragmentOfPage(File.ReadAllText(path)).Descendants("mark").Should().HaveCount(entities.Count);
        Parse(fragment).Descendants("mark").Should().HaveCount(entities.Count);
        Parse(fragment).Descendants("table").Should().BeEmpty();
    }

    [Fact]
    public void The_readme_shows_the_snippet_as_it_is_here() =>
        ReadmeSnippets.ShouldShow("## HTML view", "HTML view", Path.Combine("tests", "EntityExtraction.Tests", "Rendering", "ReadmeHtmlViewTests.cs"));
}
