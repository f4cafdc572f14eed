using BenchmarkDotNet.Attributes;
using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Benchmarks;

/// <summary>
/// What pseudonymisation costs on top of extraction: the seed article (about 400 tokens, 40 names) extracted, then
/// pseudonymised with tags, surrogates and hashes (a new map each call).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PseudonymizationBenchmarks
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private string _text = "";
    private FrenchEntityExtractor _extractor = null!;
    private PseudonymizationOptions _surrogates = null!;
    private PseudonymizationOptions _hashes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = SeedArticle.Read();
        _extractor = FrenchEntityExtractor.CreateDefault();
        _surrogates = PseudonymizationOptions.Default.With(EntityType.Person, PseudonymizationOperator.Surrogate);
        _hashes = new PseudonymizationOptions { Operators = new Dictionary<EntityType, PseudonymizationOperator> { [EntityType.Person] = PseudonymizationOperator.Hash }, Key = Key };
    }

    [Benchmark(Baseline = true)]
    public int Extract() => _extractor.Extract(_text).Count;

    [Benchmark]
    public int Tags() => _extractor.Pseudonymize(_text, PseudonymizationOptions.Default).Text.Length;

    [Benchmark]
    public int Surrogates() => _extractor.Pseudonymize(_text, _surrogates).Text.Length;

    [Benchmark]
    public int Hashes() => _extractor.Pseudonymize(_text, _hashes).Text.Length;
}
