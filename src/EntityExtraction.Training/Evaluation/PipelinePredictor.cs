using EntityExtraction.Pipeline;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>Adapts the full pipeline (model, gazetteer fallback and merge) to <see cref="EntityPredictor"/>.</summary>
public static class PipelinePredictor
{
    public static EntityPredictor For(FrenchEntityExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return (text, tokens, destination) =>
        {
            var entities = new List<MergedEntity>();
            extractor.ExtractTokenized(text, tokens, entities);
            foreach (var e in entities)
                destination.Add(new EntitySpan(e.Start, e.End, e.Type));
        };
    }
}
