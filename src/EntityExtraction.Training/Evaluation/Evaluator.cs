using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>
/// Runs a predictor over annotated documents and scores it. CoNLL documents are given their gold tokens; raw
/// text is tokenized by our <see cref="FrenchTokenizer"/>, so tokenizer errors count against the system.
/// </summary>
public static class Evaluator
{
    public static EvaluationResult Evaluate(string name, IReadOnlyList<AnnotatedDocument> documents, EntityPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(predictor);
        var scorer = new Scorer();
        var predicted = new List<EntitySpan>();
        var tokenBuffer = new List<Token>();
        long tokenCount = 0, predictedTokens = 0, goldTokens = 0;
        int predictedEntities = 0, goldEntities = 0;
        foreach (var document in documents)
        {
            IReadOnlyList<Token> tokens = document.GoldTokens ?? Tokenize(document.Text, tokenBuffer);
            predicted.Clear();
            predictor(document.Text, tokens, predicted);
            scorer.Add(document.Entities, predicted);
            tokenCount += tokens.Count;
            foreach (var p in predicted) predictedTokens += TokensIn(tokens, p);
            foreach (var g in document.Entities) goldTokens += TokensIn(tokens, g);
            predictedEntities += predicted.Count;
            goldEntities += document.Entities.Count;
        }
        return new EvaluationResult(name, scorer, documents.Count, (int)tokenCount,
            predictedEntities == 0 ? 0 : (double)predictedTokens / predictedEntities,
            goldEntities == 0 ? 0 : (double)goldTokens / goldEntities);
    }

    private static List<Token> Tokenize(string text, List<Token> buffer)
    {
        buffer.Clear();
        FrenchTokenizer.Default.Tokenize(text, buffer);
        return buffer;
    }

    private static int TokensIn(IReadOnlyList<Token> tokens, EntitySpan span)
    {
        int n = 0;
        foreach (var t in tokens)
        {
            if (t.Start < span.End && span.Start < t.End) n++;
        }
        return Math.Max(n, 1);
    }

    /// <summary>Loads a CoNLL or JSONL file as documents, by extension, with the CoNLL sentences on their gold tokens, 100 to a document.</summary>
    public static List<AnnotatedDocument> LoadDocuments(string path) => LoadDocuments(path, EvaluationMode.GoldTokens);

    /// <summary>
    /// Loads a CoNLL or JSONL file as documents, by extension. JSONL records are documents as they are (raw text). CoNLL
    /// sentences are, in <see cref="EvaluationMode.EndToEnd"/>, one document each, their tokens joined by single spaces
    /// and tokenized again by the evaluated system; in <see cref="EvaluationMode.GoldTokens"/>, 100 to a document on
    /// their gold tokens.
    /// </summary>
    public static List<AnnotatedDocument> LoadDocuments(string path, EvaluationMode mode)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            return JsonlReader.ReadFile(path);
        var sentences = ConllReader.ReadFile(path);
        if (mode == EvaluationMode.GoldTokens)
            return ConllDocuments.Build(sentences, Path.GetFileName(path));
        return [.. ConllDocuments.Build(sentences, Path.GetFileName(path), sentencesPerDocument: 1).Select(d => d with { GoldTokens = null })];
    }
}
