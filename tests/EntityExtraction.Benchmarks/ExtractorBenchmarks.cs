using BenchmarkDotNet.Attributes;

namespace EntityExtraction.Benchmarks;

/// <summary>
/// The whole public pipeline as an application calls it: <c>FrenchEntityExtractor.Extract(text)</c> (tokenize, tag,
/// gazetteer, merge, materialise the entities) on the seed article repeated 60 times, with and without the
/// gazetteer fallback. Divide by the token count printed at setup for tokens per second and bytes per token.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ExtractorBenchmarks
{
    private string _text = "";
    private FrenchEntityExtractor _withGazetteer = null!;
    private FrenchEntityExtractor _modelOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = string.Join("\n\n", Enumerable.Repeat(SeedArticle.Read(), 60));
        _withGazetteer = FrenchEntityExtractor.CreateDefault();
        _modelOnly = FrenchEntityExtractor.CreateBuilder().UseGazetteer(false).Build();
        int tokens = Tokenization.FrenchTokenizer.Default.Tokenize(_text).Count;
        Console.WriteLine($"// ExtractorBenchmarks: {tokens} tokens, {_text.Length} chars, {_withGazetteer.Extract(_text).Count} entities");
    }

    [Benchmark(Baseline = true)]
    public int ExtractWithGazetteer() => _withGazetteer.Extract(_text).Count;

    [Benchmark]
    public int ExtractModelOnly() => _modelOnly.Extract(_text).Count;
}
