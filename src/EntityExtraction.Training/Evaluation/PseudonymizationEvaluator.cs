using EntityExtraction.Pseudonymization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>What pseudonymisation left and what it took, over one file.</summary>
/// <param name="Name">The file.</param>
/// <param name="Documents">Records pseudonymised (each with a new map).</param>
/// <param name="GoldPersonWords">Words of 3 letters or more inside gold PER names.</param>
/// <param name="LeakedWords">Of those, the ones still found as words in the output record.</param>
/// <param name="Replaced">Spans replaced.</param>
/// <param name="ReplacedNotPerson">Replaced spans that overlap no gold PER name.</param>
public sealed record LeakReport(string Name, int Documents, int GoldPersonWords, int LeakedWords, int Replaced, int ReplacedNotPerson)
{
    /// <summary>The share of gold person words still in the output.</summary>
    public double LeakRate => GoldPersonWords == 0 ? 0 : (double)LeakedWords / GoldPersonWords;

    /// <summary>The share of replaced spans that are not (part of) a gold person name.</summary>
    public double OverRemoval => Replaced == 0 ? 0 : (double)ReplacedNotPerson / Replaced;
}

/// <summary>
/// Measures pseudonymisation against gold annotations: the <b>leak rate</b> — the share of the words (3 letters or more)
/// of gold PER names still found as words, ignoring case, anywhere in the output record — and the <b>over-removal</b> —
/// the share of replaced spans that overlap no gold PER name.
/// </summary>
public static class PseudonymizationEvaluator
{
    /// <param name="name">The file's name, for the report.</param>
    /// <param name="documents">Raw-text documents with gold entities.</param>
    /// <param name="extractor">The extractor.</param>
    /// <param name="options">The options (a new map per document is used whatever their map).</param>
    /// <param name="lowerCase">Pseudonymise lower-cased copies of the documents (informal text without capitals).</param>
    /// <param name="leaks">When given, receives one line per leaked word: the word, its gold name, the output record.</param>
    public static LeakReport Measure(string name, IReadOnlyList<AnnotatedDocument> documents, FrenchEntityExtractor extractor, PseudonymizationOptions options, bool lowerCase,
        TextWriter? leaks = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(options);
        int gold = 0, leaked = 0, replaced = 0, wrong = 0;
        foreach (var document in documents)
        {
            // Char by char, so every offset of the gold annotation still holds.
            string text = lowerCase ? string.Create(document.Text.Length, document.Text, static (span, t) => { for (int i = 0; i < t.Length; i++) span[i] = char.ToLowerInvariant(t[i]); }) : document.Text;
            var result = extractor.Pseudonymize(text, options);
            var remaining = new HashSet<string>(Words(result.Text), StringComparer.OrdinalIgnoreCase);
            var persons = document.Entities.Where(e => e.Type == EntityType.Person).ToList();
            foreach (var person in persons)
            {
                foreach (string word in Words(text.Substring(person.Start, person.Length)))
                {
                    if (word.Length < 3) continue;
                    gold++;
                    if (!remaining.Contains(word)) continue;
                    leaked++;
                    leaks?.WriteLine($"[{document.Id}] {word} (of '{text.Substring(person.Start, person.Length)}'): {result.Text.ReplaceLineEndings(" ")}");
                }
            }
            foreach (var replacement in result.Replacements)
            {
                replaced++;
                var span = new EntitySpan(replacement.OriginalStart, replacement.OriginalStart + replacement.OriginalLength, replacement.Type);
                if (persons.Any(p => p.Overlaps(span))) continue;
                wrong++;
                leaks?.WriteLine($"[{document.Id}] over-removal '{replacement.OriginalText}' as {replacement.Type.ToCode()}");
            }
        }
        return new LeakReport(name, documents.Count, gold, leaked, replaced, wrong);
    }

    /// <summary>The runs of letters of <paramref name="text"/>.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
