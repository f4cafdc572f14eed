using System.Runtime.CompilerServices;
using EntityExtraction.Tests.Pipeline;

namespace EntityExtraction.Tests.Readme;

/// <summary>Console.Out is replaced while a snippet runs: no other test may run meanwhile.</summary>
[CollectionDefinition(nameof(ConsoleUsers), DisableParallelization = true)]
public sealed class ConsoleUsers;

/// <summary>
/// The README's "Streaming" snippet, compiled and run here between the two marker comments; a test checks that the
/// README shows exactly these lines, so the snippet cannot go stale.
/// </summary>
[Collection(nameof(ConsoleUsers))]
public sealed class StreamingSnippetTests : IDisposable
{
    private const string Heading = "### Streaming";
    private const string Begins = "// README \"Streaming\" begins";
    private const string Ends = "// README \"Streaming\" ends";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"readme-streaming-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    private static readonly string Article = File.ReadAllText(SeedArticleTests.FindSeedArticle());

    // The articles of the snippet's ExtractManyAsync: any IAsyncEnumerable<string>.
    private static async IAsyncEnumerable<string> ReadArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string article in new[] { Article, "Sylvain Rolland vit à Lyon.", "Rien." })
        {
            await Task.Delay(1, cancellationToken);
            yield return article;
        }
    }

    [Fact]
    public async Task The_snippet_runs_streams_a_file_and_a_sequence()
    {
        File.WriteAllText(_path, string.Concat(Enumerable.Repeat(Article + "\n\n", 3)));
        string path = _path;
        var cancellationToken = CancellationToken.None;
        var console = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(console);
        try
        {
            // README "Streaming" begins
            var extractor = FrenchEntityExtractor.CreateDefault();

            // A text file of any size, read block by block: memory does not grow with it.
            using var reader = new StreamReader(path);
            await foreach (Entity e in extractor.ExtractAsync(reader, cancellationToken))
                Console.WriteLine($"{e.Type} {e.Text} [{e.Start}..{e.End})");   // offsets into the whole file's text

            // Documents that arrive one by one (a queue, a cursor): four at a time, results in input order.
            await foreach (IReadOnlyList<Entity> entities in extractor.ExtractManyAsync(ReadArticlesAsync(), maxDegreeOfParallelism: 4, cancellationToken))
                Console.WriteLine($"{entities.Count} entities");
            // README "Streaming" ends
        }
        finally
        {
            Console.SetOut(previous);
        }

        var lines = console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        int perCopy = FrenchEntityExtractor.CreateDefault().Extract(Article).Count;
        lines.Should().HaveCount(3 * perCopy + 3);
        int third = 2 * (Article.Length + 2) + Article.IndexOf("Sylvain Rolland", StringComparison.Ordinal);
        lines.Should().Contain($"Person Sylvain Rolland [{third}..{third + "Sylvain Rolland".Length})");
        lines[^3..].Should().Equal($"{perCopy} entities", "2 entities", "0 entities");
    }

    [Fact]
    public void The_README_shows_the_snippet_this_test_runs()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "EntityExtraction.Tests", "Readme", "StreamingSnippetTests.cs"));
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        var compiled = source[(source.IndexOf(Begins, StringComparison.Ordinal) + Begins.Length)..source.IndexOf(Ends, StringComparison.Ordinal)]
            .Split('\n').Select(l => l.TrimEnd('\r')).Skip(1).SkipLast(1).Select(l => l.Length >= 12 ? l[12..] : l.Trim());
        string section = readme[readme.IndexOf(Heading, StringComparison.Ordinal)..];
        int code = section.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var shown = section[code..section.IndexOf("```", code, StringComparison.Ordinal)].TrimEnd('\n').Split('\n');

        shown.Should().Equal(compiled);
    }

    private static string RepositoryRoot() => Path.GetDirectoryName(Path.GetDirectoryName(SeedArticleTests.FindSeedArticle()))!;
}
