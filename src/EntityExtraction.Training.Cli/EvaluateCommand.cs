using System.CommandLine;
using System.Text.Json;
using EntityExtraction.Cli;
using EntityExtraction.Model;
using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Cli;

/// <summary><c>evaluate [--model MODEL] (--conll FILE... | --jsonl FILE...) [--gold-tokens] [--json]</c>: P/R/F1 per file, micro and per type.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model file; the embedded default model if omitted." };
        var conll = new Option<string[]>("--conll") { Description = "CoNLL files (gold tokens).", AllowMultipleArgumentsPerToken = true };
        var jsonl = new Option<string[]>("--jsonl") { Description = "JSONL raw-text files (tokenized by our tokenizer).", AllowMultipleArgumentsPerToken = true };
        var noGazetteer = new Option<bool>("--no-gazetteer") { Description = "Score the model alone, without the gazetteer fallback." };
        var gazetteers = new Option<string[]>("--gazetteer") { Description = "Extra TSV gazetteer (repeatable).", AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "Write the results as JSON." };
        var errors = new Option<int>("--errors") { Description = "Also print up to N documents whose predictions differ from the gold entities (error analysis)." };
        var goldTokens = new Option<bool>("--gold-tokens") { Description = "Give CoNLL sentences to the tagger on their gold tokens, 100 to a document, instead of end to end from raw text (each sentence one document, its tokens joined by single spaces, tokenized by our tokenizer). JSONL files are raw text either way." };
        var errorKinds = new Option<bool>("--error-kinds") { Description = "Also count the errors by kind (wrong type, missing end or start, too long, split, merged, missed, spurious), with examples: where the boundaries go wrong." };
        var predictions = new Option<string?>("--predictions") { Description = "Also write every document's predicted entities (offsets, type, source, confidence) to this JSONL file, to compare two versions output for output." };
        var command = new Command("evaluate", "Score the pipeline (model + gazetteer fallback, or the model alone with --no-gazetteer) against annotated files: exact-match P/R/F1 (micro and per type) and lenient overlap F1.")
        {
            model, conll, jsonl, noGazetteer, gazetteers, json, errors, errorKinds, goldTokens, predictions,
        };
        command.SetAction(parse => CommandErrors.Run("evaluate", () =>
        {
                var files = (parse.GetValue(conll) ?? []).Concat(parse.GetValue(jsonl) ?? []).ToList();
                if (files.Count == 0)
                {
                    Console.Error.WriteLine("evaluate: give at least one --conll or --jsonl file.");
                    return 2;
                }
                var extractor = ExtractorOptions.CreateBuilder(parse.GetValue(model), parse.GetValue(noGazetteer), parse.GetValue(gazetteers)).Build();
                var mode = parse.GetValue(goldTokens) ? EvaluationMode.GoldTokens : EvaluationMode.EndToEnd;
                var predictor = PipelinePredictor.For(extractor, mode);
                var documents = files.ToDictionary(f => f, f => Evaluator.LoadDocuments(f, mode));
                var results = files.Select(f => Evaluator.Evaluate(f, documents[f], predictor)).ToList();
                int errorCount = parse.GetValue(errors);
                if (errorCount > 0) foreach (var f in files) ErrorReport.Write(Console.Out, documents[f], predictor, errorCount);
                if (parse.GetValue(errorKinds)) foreach (var f in files) WriteErrorKinds(f, documents[f], predictor);
                if (parse.GetValue(predictions) is { } predictionsPath) PredictionDump.Write(predictionsPath, files, documents, extractor, mode);
                if (parse.GetValue(json)) WriteJson(results);
                else WriteText(results);
                return 0;
        }));
        return command;
    }

    private static void WriteText(List<EvaluationResult> results)
    {
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name}  ({r.Documents:N0} documents, {r.Tokens:N0} tokens; mean entity length predicted {r.MeanPredictedTokens:F2} / gold {r.MeanGoldTokens:F2} tokens)");
            Console.WriteLine($"  {"",-8} {"P",7} {"R",7} {"F1",7} {"pred",7} {"gold",7}");
            Line("micro", r.Scores.Exact);
            foreach (var type in Scorer.Types) Line(EntityTypeCodes.ToCode(type), r.Scores.ExactFor(type));
            Line("lenient", r.Scores.Lenient);
        }
    }

    private static void WriteErrorKinds(string file, IReadOnlyList<AnnotatedDocument> documents, EntityPredictor predictor)
    {
        var kinds = new ErrorKinds();
        var predicted = new List<EntitySpan>();
        foreach (var document in documents)
        {
            predicted.Clear();
            predictor(document.Text, document.GoldTokens ?? FrenchTokenizer.Default.Tokenize(document.Text), predicted);
            kinds.Add(document.Text, document.Entities, predicted);
        }
        Console.WriteLine($"{file}: errors by kind ({kinds.GoldCount:N0} gold entities; {kinds.AlsoWrongType:N0} boundary errors also have the wrong type)");
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            if (kinds[kind] == 0) continue;
            Console.WriteLine($"  {kind,-16} {kinds[kind],6:N0}");
            foreach (string example in kinds.ExamplesOf(kind)) Console.WriteLine($"      {example}");
        }
    }

    private static void Line(string name, Counts c)
        => Console.WriteLine($"  {name,-8} {c.Precision,7:F2} {c.Recall,7:F2} {c.F1,7:F2} {c.Predicted,7} {c.Gold,7}");

    private static void WriteJson(List<EvaluationResult> results)
    {
        using var stdout = StandardOutput.Open();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        foreach (var r in results)
        {
            writer.WriteStartObject();
            writer.WriteString("file", r.Name);
            writer.WriteNumber("documents", r.Documents);
            writer.WriteNumber("tokens", r.Tokens);
            Write(writer, "micro", r.Scores.Exact);
            writer.WriteStartObject("types");
            foreach (var type in Scorer.Types) Write(writer, EntityTypeCodes.ToCode(type), r.Scores.ExactFor(type));
            writer.WriteEndObject();
            Write(writer, "lenient", r.Scores.Lenient);
            writer.WriteNumber("meanPredictedTokens", Math.Round(r.MeanPredictedTokens, 3));
            writer.WriteNumber("meanGoldTokens", Math.Round(r.MeanGoldTokens, 3));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.Flush();
        stdout.WriteByte((byte)'\n');
    }

    private static void Write(Utf8JsonWriter writer, string name, Counts c)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("precision", Math.Round(c.Precision, 2));
        writer.WriteNumber("recall", Math.Round(c.Recall, 2));
        writer.WriteNumber("f1", Math.Round(c.F1, 2));
        writer.WriteNumber("predicted", c.Predicted);
        writer.WriteNumber("gold", c.Gold);
        writer.WriteNumber("correct", c.Correct);
        writer.WriteEndObject();
    }
}
