using System.Globalization;
using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// A development file that model selection is scored on, with its weight in the selection criterion. JSONL files
/// are raw text, tokenized by our tokenizer when scored (end to end); CoNLL files are scored on their gold tokens,
/// or end to end (each sentence a text of its tokens joined by single spaces) when loaded in
/// <see cref="EvaluationMode.EndToEnd"/>.
/// </summary>
public sealed record DevSet(string Name, IReadOnlyList<AnnotatedDocument> Documents, double Weight = 1)
{
    public static DevSet Load(string path) => Load(path, EvaluationMode.GoldTokens);

    /// <summary>Loads <c>PATH[@WEIGHT]</c>: the file, counted WEIGHT times (default 1) in the mean that selects the model.</summary>
    public static DevSet Load(string spec, EvaluationMode mode)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (path, weight) = ParseSpec(spec);
        string name = Path.GetFileName(path) + (weight == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"×{weight:G}"));
        return new DevSet(name, Evaluator.LoadDocuments(path, mode), weight);
    }

    internal static (string Path, double Weight) ParseSpec(string spec)
    {
        int at = spec.LastIndexOf('@');
        // An '@' inside a folder name is part of the path, not an option.
        if (at < 0 || spec.AsSpan(at).IndexOfAny('/', '\\') >= 0) return (spec, 1);
        if (!double.TryParse(spec.AsSpan(at + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !(weight > 0) || double.IsInfinity(weight))
            throw new ArgumentException($"Dev file '{spec}': '@{spec[(at + 1)..]}' is not a weight (expected PATH@W with W > 0).");
        return (spec[..at], weight);
    }

    /// <summary>Exact-match micro F1 of <paramref name="model"/> on each set, and their weighted mean (the selection criterion).</summary>
    public static (double Mean, double[] PerSet) Score(NerModel model, IReadOnlyList<DevSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var predictor = ModelPredictor.For(model);
        var scores = sets.Select(s => Evaluator.Evaluate(s.Name, s.Documents, predictor).Scores.Exact.F1).ToArray();
        double totalWeight = sets.Sum(s => s.Weight);
        return (scores.Length == 0 ? 0 : sets.Select((s, i) => s.Weight * scores[i]).Sum() / totalWeight, scores);
    }
}
