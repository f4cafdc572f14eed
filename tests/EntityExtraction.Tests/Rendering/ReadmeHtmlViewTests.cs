using EntityExtraction;
using EntityExtraction.Rendering;
using static EntityExtraction.Tests.Rendering.RenderedHtml;

namespace EntityExtraction.Tests.Rendering;

/// <summary>The README's "HTML view" snippet is the code of this test, line for line: it compiles and runs, so it cannot go stale.</summary>
public sealed class ReadmeHtmlViewTests : IDisposable
{
    private const string Begin = "// README, HTML view: begin";
    private const string End = "// README, HTML view: end";

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
    public void The_readme_shows_the_snippet_as_it_is_here()
    {
        string[] readme = ReadmeSnippet();
        // The file from the repository, not [CallerFilePath]: CI's deterministic build maps source paths to /_/.
        string[] source = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "EntityExtraction.Tests", "Rendering", "ReadmeHtmlViewTests.cs"));
        int begin = Array.FindIndex(source, l => l.Trim() == Begin), end = Array.FindIndex(source, l => l.Trim() == End);

        readme.Where(l => !l.StartsWith("using ", StringComparison.Ordinal))
            .Should().Equal(source[(begin + 1)..end].Select(l => l.Trim()).Where(l => l.Length > 0), "README.md's HTML view snippet is this test's code");
        source.Should().Contain(readme.Where(l => l.StartsWith("using ", StringComparison.Ordinal)), "the snippet's usings are this file's");
    }

    /// <summary>The non-blank lines of the first C# block after README.md's "## HTML view" heading.</summary>
    private static string[] ReadmeSnippet()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        int heading = Array.IndexOf(lines, "## HTML view");
        heading.Should().BePositive("README.md has an \"HTML view\" section");
        int open = Array.IndexOf(lines, "```csharp", heading);
        int close = Array.IndexOf(lines, "```", open);
        return [.. lines[(open + 1)..close].Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EntityExtraction.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No EntityExtraction.sln above {AppContext.BaseDirectory}.");
    }
}
