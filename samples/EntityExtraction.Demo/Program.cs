using EntityExtraction.Tokenization;

string path = args.Length > 0 ? args[0] : FindSeedArticle();
string text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);

var tokens = FrenchTokenizer.Default.Tokenize(text);
int sentences = tokens.Count == 0 ? 0 : tokens[^1].SentenceIndex + 1;
Console.WriteLine($"{path}: {text.Length} characters, {tokens.Count} tokens, {sentences} sentences");
foreach (var group in tokens.GroupBy(t => t.Kind).OrderByDescending(g => g.Count()))
    Console.WriteLine($"  {group.Key,-12} {group.Count(),6}");

static string FindSeedArticle()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "seeds", "ai-alliance-article.txt");
        if (File.Exists(candidate)) return candidate;
    }
    throw new FileNotFoundException("seeds/ai-alliance-article.txt was not found above " + AppContext.BaseDirectory + "; pass a file path or '-' for stdin.");
}
