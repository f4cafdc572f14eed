using BenchmarkDotNet.Attributes;

namespace EntityExtraction.Benchmarks;

/// <summary>
/// Many news-size documents: 200 copies of the seed article (about 400 tokens each), tagged one by one on one thread
/// and by <c>ExtractMany</c>, which spreads them over the cores. The ratio is the parallel speed-up.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ExtractManyBenchmarks
{
    private string[] _documents = [];
    private FrenchEntityExtractor _extractor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documents = Enumerable.Repeat(SeedArticle.Read(), 200).ToArray();
        _extractor = FrenchEntityExtractor.CreateDefault();
        Console.WriteLine($"// ExtractManyBenchmarks: {_documents.Length} documents, {Environment.ProcessorCount} cores");
    }

    [Benchmark(Baseline = true)]
    public int OneByOne()
    {
        int count = 0;
        foreach (string document in _documents) count += _extractor.Extract(document).Count;
        return count;
    }

    [Benchmark]
    public int ExtractMany() => _extractor.ExtractMany(_documents).Sum(entities => entities.Count);
}
