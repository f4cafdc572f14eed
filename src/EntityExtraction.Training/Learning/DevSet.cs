using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Learning;

/// <summary>A development file that model selection is scored on.</summary>
public sealed record DevSet(string Name, IReadOnlyList<AnnotatedDocument> Documents)
{
    public static DevSet Load(string path) => new(Path.GetFileName(path), Evaluator.LoadDocuments(path));

    /// <summary>Exact-match micro F1 of <paramref name="model"/> on each set, and their mean (the selection criterion).</summary>
    public static (double Mean, double[] PerSet) Score(NerModel model, IReadOnlyList<DevSet> sets)
    {
        var predictor = ModelPredictor.For(model);
        var scores = sets.Select(s => Evaluator.Evaluate(s.Name, s.Documents, predictor).Scores.Exact.F1).ToArray();
        return (scores.Length == 0 ? 0 : scores.Average(), scores);
    }
}
