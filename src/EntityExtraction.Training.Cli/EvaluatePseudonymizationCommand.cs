using System.CommandLine;
using System.Globalization;
using EntityExtraction.Cli;
using EntityExtraction.Pseudonymization;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// <c>evaluate-pseudonymization (--conll FILE... | --jsonl FILE...) [--recall] [--informal] [--lowercase]
/// [--min-confidence X]</c>: the leak rate and the over-removal of person pseudonymisation against gold annotations,
/// end to end from raw text, one record one document (docs/pseudonymization.md).
/// </summary>
internal static class EvaluatePseudonymizationCommand
{
    public static Command Create()
    {
        var conll = new Option<string[]>("--conll") { Description = "CoNLL files (each sentence a document, its tokens joined by spaces).", AllowMultipleArgumentsPerToken = true };
        var jsonl = new Option<string[]>("--jsonl") { Description = "JSONL raw-text files.", AllowMultipleArgumentsPerToken = true };
        var recall = new Option<bool>("--recall") { Description = "The recall-oriented setting (PseudonymizationOptions.RecallOriented)." };
        var informal = new Option<bool>("--informal") { Description = "The informal-text option (names in lower case)." };
        var lowerCase = new Option<bool>("--lowercase") { Description = "Pseudonymise lower-cased copies of the documents." };
        var minConfidence = new Option<float>("--min-confidence") { Description = "Leave names below this confidence.", DefaultValueFactory = _ => 0f };
        var leaks = new Option<bool>("--leaks") { Description = "Also print every leaked word and every over-removed span, for error analysis." };
        var model = new Option<string?>("--model") { Description = "Model file; the embedded default model if omitted." };
        var command = new Command("evaluate-pseudonymization", "Measure how many gold person words pseudonymisation leaves (leak rate) and how many replaced spans are not persons (over-removal).")
        {
            conll, jsonl, recall, informal, lowerCase, minConfidence, leaks, model,
        };
        command.SetAction(parse => CommandErrors.Run("evaluate-pseudonymization", () =>
        {
            var files = (parse.GetValue(conll) ?? []).Concat(parse.GetValue(jsonl) ?? []).ToList();
            if (files.Count == 0)
                throw new OptionException("give at least one --conll or --jsonl file.");
            var extractor = ExtractorOptions.CreateBuilder(parse.GetValue(model), false, null).Build();
            var options = new PseudonymizationOptions
            {
                FavorRecall = parse.GetValue(recall), InformalText = parse.GetValue(informal), MinimumConfidence = parse.GetValue(minConfidence),
            };
            Console.WriteLine($"{"file",-40} {"docs",6} {"PER words",9} {"leaked",7} {"leak %",7} {"replaced",8} {"not PER",7} {"over %",7}");
            foreach (string file in files)
            {
                var documents = Evaluator.LoadDocuments(file, EvaluationMode.EndToEnd);
                var r = PseudonymizationEvaluator.Measure(file, documents, extractor, options, parse.GetValue(lowerCase), parse.GetValue(leaks) ? Console.Out : null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file),-40} {r.Documents,6} {r.GoldPersonWords,9} {r.LeakedWords,7} {100 * r.LeakRate,7:F2} {r.Replaced,8} {r.ReplacedNotPerson,7} {100 * r.OverRemoval,7:F2}"));
            }
            return 0;
        }));
        return command;
    }
}
