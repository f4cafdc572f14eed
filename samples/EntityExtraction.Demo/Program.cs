// The EntityExtraction demo: finds the people, organisations and places of a French text.
//   dotnet run --project samples/EntityExtraction.Demo            # the seed article (seeds/ai-alliance-article.txt)
//   dotnet run --project samples/EntityExtraction.Demo -- FILE    # any UTF-8 text file
//   echo "..." | dotnet run --project samples/EntityExtraction.Demo -- -
using System.Text;
using EntityExtraction;

Console.OutputEncoding = Encoding.UTF8;
string path = args.Length > 0 ? args[0] : FindSeedArticle();
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

Console.WriteLine($"EntityExtraction demo — {(path == "-" ? "standard input" : Path.GetFileName(path))}");
Console.WriteLine();
new Highlighter(Console.Out).Show(text, entities);
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
