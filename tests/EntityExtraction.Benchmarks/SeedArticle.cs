using System.Text;

namespace EntityExtraction.Benchmarks;

/// <summary>The repository's seed article, the French running text every benchmark is measured on.</summary>
internal static class SeedArticle
{
    public static string Read()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "seeds", "ai-alliance-article.txt");
            if (File.Exists(candidate))
                return File.ReadAllText(candidate, new UTF8Encoding(false));
        }
        throw new FileNotFoundException("seeds/ai-alliance-article.txt not found above " + AppContext.BaseDirectory);
    }
}
