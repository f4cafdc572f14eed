using BenchmarkDotNet.Attributes;
using EntityExtraction.Gazetteers;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Benchmarks;

/// <summary>
/// Gazetteer matching over the seed article repeated 20 times (about 46k characters), tokens precomputed,
/// so only the trie walk is measured; the destination list is reused so allocations show what matching costs.
/// </summary>
[MemoryDiagnoser]
public class GazetteerBenchmarks
{
    private readonly List<GazetteerMatch> _matches = new(4096);
    private readonly List<Token> _tokens = [];
    private string _text = string.Empty;
    private Gazetteer _gazetteer = Gazetteer.Empty;

    [GlobalSetup]
    public void Setup()
    {
        string article = SeedArticle.Read();
        _text = string.Join("\n\n", Enumerable.Repeat(article, 20));
        FrenchTokenizer.Default.Tokenize(_text, _tokens);
        _gazetteer = Gazetteer.Default;
    }

    /// <summary>Returns the number of matches so the work cannot be optimised away.</summary>
    [Benchmark]
    public int FindMatchesWithPrecomputedTokens()
    {
        _matches.Clear();
        _gazetteer.FindMatches(_text, _tokens, 0, _tokens.Count, _matches);
        return _matches.Count;
    }

    [Benchmark]
    public int FindMatchesIncludingTokenization() => _gazetteer.FindMatches(_text).Count;

    /// <summary>What the first use of <see cref="Gazetteer.Default"/> costs: read the embedded image in place.</summary>
    [Benchmark]
    public int LoadDefaultGazetteer() => DefaultGazetteerData.Load().MaxTokens;

    /// <summary>What building the default gazetteer's tries from its entries costs (what every start paid before the image).</summary>
    [Benchmark]
    public int BuildDefaultGazetteer() => Gazetteer.Create(Gazetteer.Default.Entries, DefaultGazetteerData.CommonWords).MaxTokens;

}
