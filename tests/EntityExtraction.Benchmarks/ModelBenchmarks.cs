using BenchmarkDotNet.Attributes;
using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Benchmarks;

/// <summary>
/// Speed and allocations of the statistical model on French running text: tokenize + tag, tag alone, and loading
/// the embedded default model. The text is the repository's seed article repeated to about 20,000 tokens; divide
/// the mean time by <see cref="TokenCount"/> (printed at setup) for tokens per second, and the allocated bytes by
/// it for bytes per token. Set <c>ENTITY_EXTRACTION_BENCHMARK_MODEL</c> to a model file to tag with it instead of the
/// default model (e.g. to compare label schemes); loading is always timed on the default.
/// </summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private string _text = "";
    private List<Token> _tokens = [];
    private readonly List<Token> _tokenBuffer = [];
    private readonly List<ModelEntity> _entities = [];
    private NerModel _model = null!;

    public int TokenCount => _tokens.Count;

    [GlobalSetup]
    public void Setup()
    {
        string article = SeedArticle.Read();
        _text = string.Join("\n\n", Enumerable.Repeat(article, 60));
        string? path = Environment.GetEnvironmentVariable("ENTITY_EXTRACTION_BENCHMARK_MODEL");
        _model = string.IsNullOrEmpty(path) ? NerModel.Default : NerModel.Load(path);
        _tokens = [.. FrenchTokenizer.Default.Tokenize(_text)];
        Console.WriteLine($"// ModelBenchmarks: {_tokens.Count} tokens, {_text.Length} chars, model {(string.IsNullOrEmpty(path) ? "default" : path)} (format {_model.Info.FormatVersion}, {_model.FeatureCount:N0} features)");
    }

    [Benchmark]
    public int TokenizeAndTag()
    {
        _tokenBuffer.Clear();
        _entities.Clear();
        FrenchTokenizer.Default.Tokenize(_text, _tokenBuffer);
        _model.Predict(_text, _tokenBuffer, _entities);
        return _entities.Count;
    }

    [Benchmark]
    public int TagOnly()
    {
        _entities.Clear();
        _model.Predict(_text, _tokens, _entities);
        return _entities.Count;
    }

    /// <summary>What the first use of the default model costs: its image read in place from the assembly.</summary>
    [Benchmark]
    public int LoadDefaultModel() => NerModel.LoadDefault().FeatureCount;

    /// <summary>A model file loaded by a user: the same image, copied, checksummed and every table checked.</summary>
    [Benchmark]
    public int LoadDefaultModelVerified() => NerModel.LoadDefaultVerified().FeatureCount;

}
