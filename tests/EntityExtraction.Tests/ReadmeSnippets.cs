namespace EntityExtraction.Tests;

/// <summary>
/// README snippets that are test code, line for line: a test holds the code between two marker comments and runs it,
/// and <see cref="ShouldShow"/> checks that README.md shows exactly those lines, so the README cannot go stale.
/// </summary>
internal static class ReadmeSnippets
{
    /// <summary>Asserts that the first C# block after <paramref name="heading"/> in README.md is the code between
    /// <c>// README, {name}: begin</c> and <c>// README, {name}: end</c> in <paramref name="testFile"/> (relative to the
    /// repository root), its <c>using</c> lines being that file's.</summary>
    public static void ShouldShow(string heading, string name, string testFile)
    {
        string root = RepositoryRoot();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        int at = Array.IndexOf(readme, heading);
        at.Should().BePositive($"README.md has a \"{heading}\" section");
        int open = Array.IndexOf(readme, "```csharp", at);
        int close = Array.IndexOf(readme, "```", open);
        var snippet = readme[(open + 1)..close].Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        // The file from the repository, not [CallerFilePath]: CI's deterministic build maps source paths to /_/.
        var source = File.ReadAllLines(Path.Combine(root, testFile));
        int begin = Array.FindIndex(source, l => l.Trim() == $"// README, {name}: begin");
        int end = Array.FindIndex(source, l => l.Trim() == $"// README, {name}: end");
        begin.Should().BeGreaterThanOrEqualTo(0, $"{testFile} marks where the README's {name} snippet begins");

        snippet.Where(l => !l.StartsWith("using ", StringComparison.Ordinal))
            .Should().Equal(source[(begin + 1)..end].Select(l => l.Trim()).Where(l => l.Length > 0), $"README.md's {name} snippet is the code of {testFile}");
        source.Should().Contain(snippet.Where(l => l.StartsWith("using ", StringComparison.Ordinal)), "the snippet's usings are the test file's");
    }

    /// <summary>The folder that holds EntityExtraction.sln, above the test's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EntityExtraction.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No EntityExtraction.sln above {AppContext.BaseDirectory}.");
    }
}
