using EntityExtraction.Pipeline;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>Adapts the full pipeline (model, gazetteer fallback and merge) to <see cref="EntityPredictor"/>.</summary>
public static class PipelinePredictor
{
    /// <summary>
    /// The pipeline as evaluated in <paramref name="mode"/>: in <see cref="EvaluationMode.EndToEnd"/>, exactly what
    /// <see cref="FrenchEntityExtractor.Extract(string)"/> returns for the document's text (the tokens given are
    /// ignored); in <see cref="EvaluationMode.GoldTokens"/>, model, gazetteer and merge over the given tokens.
    /// </summary>
    public static EntityPredictor For(FrenchEntityExtractor extractor, EvaluationMode mode = EvaluationMode.GoldTokens)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        if (mode == EvaluationMode.EndToEnd)
        {
            return (text, _, destination) =>
            {
                foreach (var e in extractor.Extract(text))
                    destination.Add(new EntitySpan(e.Start, e.End, e.Type));
            };
        }
        return (text, tokens, destination) =>
        {
            var entities = new List<MergedEntity>();
            extractor.ExtractTokenized(text, tokens, entities);
            foreach (var e in entities)
                destination.Add(new EntitySpan(e.Start, e.End, e.Type));
        };
    }
}
