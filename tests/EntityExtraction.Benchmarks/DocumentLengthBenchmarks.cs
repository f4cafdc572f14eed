using BenchmarkDotNet.Attributes;

namespace EntityExtraction.Benchmarks;

/// <summary>
/// One document of growing length — the seed article repeated 6, 60 and 600 times (2,436 to 243,600 tokens) — through
/// the public <c>Extract</c> with the default gazetteer. On one thread the time per token must not grow with the
/// length (no stage quadratic in the entities, no copy of the document per chunk); with the default degree of
/// parallelism the chunks of a long document are tagged on every core.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DocumentLengthBenchmarks
{
    private string _document = "";
    private FrenchEntityExtractor _oneThread = null!;
    private FrenchEntityExtractor _allCores = null!;

    [Params(6, 60, 600)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _document = string.Join("\n\n", Enumerable.Repeat(SeedArticle.Read(), Copies));
        _oneThread = FrenchEntityExtractor.CreateBuilder().WithMaxDegreeOfParallelism(1).Build();
        _allCores = FrenchEntityExtractor.CreateDefault();
        Console.WriteLine($"// DocumentLengthBenchmarks: {Copies} copies, {Tokenization.FrenchTokenizer.Default.Tokenize(_document).Count:N0} tokens, {Environment.ProcessorCount} cores");
    }

    [Benchmark(Baseline = true)]
    public int OneThread() => _oneThread.Extract(_document).Count;

    [Benchmark]
    public int AllCores() => _allCores.Extract(_document).Count;
}
