using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>Prints documents whose predicted entities differ from the gold ones: missed (-) and spurious (+) spans.</summary>
public static class ErrorReport
{
    public static void Write(TextWriter output, IReadOnlyList<AnnotatedDocument> documents, EntityPredictor predictor, int limit)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        int shown = 0;
        var predicted = new List<EntitySpan>();
        foreach (var document in documents)
        {
            predicted.Clear();
            var tokens = document.GoldTokens ?? FrenchTokenizer.Default.Tokenize(document.Text);
            predictor(document.Text, tokens, predicted);
            var gold = new HashSet<EntitySpan>(document.Entities);
            var missed = document.Entities.Where(g => !predicted.Contains(g)).ToList();
            var spurious = predicted.Where(p => !gold.Contains(p)).ToList();
            if (missed.Count == 0 && spurious.Count == 0) continue;
            output.WriteLine($"[{document.Id}] {(document.Text.Length > 300 ? document.Text[..300] + "…" : document.Text)}");
            foreach (var m in missed) output.WriteLine($"   - {Describe(document.Text, m)}");
            foreach (var s in spurious) output.WriteLine($"   + {Describe(document.Text, s)}");
            if (++shown >= limit) break;
        }
    }

    private static string Describe(string text, EntitySpan span) => $"{span.Type} '{text[span.Start..span.End]}'";
}
