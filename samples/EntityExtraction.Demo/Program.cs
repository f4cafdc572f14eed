// The EntityExtraction demo: finds the people, organisations and places of a French text, prints them, and writes
// them as a web page.
//   dotnet run --project samples/EntityExtraction.Demo                       # the seed article (seeds/ai-alliance-article.txt)
//   dotnet run --project samples/EntityExtraction.Demo -- FILE               # any UTF-8 text file
//   echo "..." | dotnet run --project samples/EntityExtraction.Demo -- -
//   dotnet run --project samples/EntityExtraction.Demo -- --html page.html   # the page there, instead of the temp folder
using System.Text;
using EntityExtraction;
using EntityExtraction.Rendering;

Console.OutputEncoding = Encoding.UTF8;
string? input = null, htmlPath = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--html" && i + 1 < args.Length)
        htmlPath = args[++i];
    else if (input is null && args[i] != "--html")
        input = args[i];
    else
    {
        Console.Error.WriteLine("Usage: EntityExtraction.Demo [FILE|-] [--html PAGE.html]");
        return 2;
    }
}
string path = input ?? FindSeedArticle();
string text;
try
{
    text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path, Encoding.UTF8);
}
catch (IOException error)
{
    Console.Error.WriteLine($"Cannot read '{path}': {error.Message}");
    return 2;
}

// Three lines are all an application needs: create (once), extract, use the entities.
var extractor = FrenchEntityExtractor.CreateDefault();
var entities = extractor.Extract(text);

string name = path == "-" ? "standard input" : Path.GetFileName(path);
Console.WriteLine($"EntityExtraction demo — {name}");
Console.WriteLine();
new Highlighter(Console.Out).Show(text, entities);

// The same entities as a web page: one self-contained file (inline CSS, no script) that any browser opens offline.
htmlPath ??= Path.Combine(Path.GetTempPath(), "entity-extraction-demo", (path == "-" ? "entities" : Path.GetFileNameWithoutExtension(path)) + ".html");
var renderer = new EntityHtmlRenderer(new EntityHtmlOptions { Title = $"EntityExtraction demo — {name}" });
try
{
    htmlPath = Path.GetFullPath(htmlPath);
    Directory.CreateDirectory(Path.GetDirectoryName(htmlPath)!);
    File.WriteAllText(htmlPath, renderer.RenderPage(text, entities));
}
catch (Exception error) when (error is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot write '{htmlPath}': {error.Message}");
    return 1;
}
Console.WriteLine();
Console.WriteLine($"HTML view: {htmlPath}");
return 0;

static string FindSeedArticle()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "seeds", "ai-alliance-article.txt");
        if (File.Exists(candidate))
            return candidate;
    }
    throw new FileNotFoundException(
        $"seeds/ai-alliance-article.txt was not found in any folder above {AppContext.BaseDirectory}; pass a file path, or '-' to read standard input.");
}
