using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>Adapts <see cref="NerModel"/> to <see cref="EntityPredictor"/>.</summary>
public static class ModelPredictor
{
    public static EntityPredictor For(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (text, tokens, destination) =>
        {
            var entities = new List<ModelEntity>();
            model.Predict(text, tokens, entities);
            foreach (var e in entities) destination.Add(new EntitySpan(e.Start, e.Start + e.Length, e.Type));
        };
    }
}
