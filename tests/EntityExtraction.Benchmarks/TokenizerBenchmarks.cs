using System.Text;
using BenchmarkDotNet.Attributes;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Benchmarks;

/// <summary>
/// Tokenizer throughput on the seed article repeated to about 10 MB of UTF-8, reusing one token list so the
/// only allocation that could show is the tokenizer's own. MB/s = <see cref="TargetBytes"/> / mean time.
/// A short job because the machine is shared: expect noise of several percent.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TokenizerBenchmarks
{
    /// <summary>Size of the benchmark text in UTF-8 bytes (approximately; whole copies of the article).</summary>
    public const int TargetBytes = 10_000_000;

    private readonly List<Token> tokens = [];
    private string text = "";

    [GlobalSetup]
    public void Setup()
    {
        string article = SeedArticle.Read();
        int copies = (int)Math.Ceiling(TargetBytes / (double)(Encoding.UTF8.GetByteCount(article) + 2));
        var builder = new StringBuilder(copies * (article.Length + 2));
        for (int i = 0; i < copies; i++) builder.Append(article).Append("\n\n");
        text = builder.ToString();

        FrenchTokenizer.Default.Tokenize(text, tokens); // sizes the list once, outside the measurement
        Console.WriteLine($"// Tokenizer input: {Encoding.UTF8.GetByteCount(text):N0} UTF-8 bytes, {text.Length:N0} chars, {tokens.Count:N0} tokens");
    }

    [Benchmark]
    public int Tokenize()
    {
        tokens.Clear();
        FrenchTokenizer.Default.Tokenize(text, tokens);
        return tokens.Count;
    }

}
