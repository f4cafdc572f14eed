using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Cli;

/// <summary>The model-only entity finder behind <c>extract</c>; the pipeline façade replaces it once it exists.</summary>
internal sealed class ModelEntityFinder(NerModel model)
{
    private readonly List<Token> _tokens = [];
    private readonly List<ModelEntity> _entities = [];

    public List<ExtractedEntity> Find(string text)
    {
        _tokens.Clear();
        _entities.Clear();
        FrenchTokenizer.Default.Tokenize(text, _tokens);
        model.Predict(text, _tokens, _entities);
        return _entities.Select(e => new ExtractedEntity(e.Start, e.Start + e.Length, e.Type, "model", e.Confidence)).ToList();
    }
}
