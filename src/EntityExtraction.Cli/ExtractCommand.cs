using System.CommandLine;
using System.Text;
using System.Text.Json;
using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Cli;

/// <summary>
/// <c>extract [FILE|-] [--model MODEL] [--format pretty|json|jsonl] [--input-format text|jsonl]</c>: finds the
/// entities of plain text, or of JSONL records <c>{"id","text"}</c> (one output record per input line, in order).
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "UTF-8 input file; '-' or nothing reads standard input.", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string?>("--model") { Description = "Model file; the embedded default model if omitted." };
        var format = new Option<string>("--format") { Description = "Output: pretty, json or jsonl.", DefaultValueFactory = _ => "pretty" };
        format.AcceptOnlyFromAmong(ExtractOutputWriter.Formats);
        var inputFormat = new Option<string>("--input-format") { Description = "Input: text (the whole input is one text) or jsonl (one {\"id\",\"text\"} record per line).", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "jsonl");
        var command = new Command("extract", "Find people, organisations and places in French text.") { input, model, format, inputFormat };
        command.SetAction(parse => CommandErrors.Run("extract", () =>
        {
                string? modelPath = parse.GetValue(model);
                var ner = modelPath is null ? NerModel.Default : NerModel.Load(modelPath);
                var extractor = new ModelEntityFinder(ner);
                using var writer = new ExtractOutputWriter(Console.OpenStandardOutput(), parse.GetValue(format)!);
                string? path = parse.GetValue(input);
                if (parse.GetValue(inputFormat) == "text")
                {
                    string text = InputText.Read(path);
                    writer.Write(null, text, extractor.Find(text));
                    return 0;
                }
                return RunJsonl(path, extractor, writer);
        }));
        return command;
    }

    private static int RunJsonl(string? path, ModelEntityFinder extractor, ExtractOutputWriter writer)
    {
        using var reader = OpenLines(path);
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            string text, rawId;
            try
            {
                (rawId, text) = ParseRecord(line);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                writer.Dispose();
                Console.Error.WriteLine($"extract: {path ?? "stdin"}:{lineNumber}: malformed record: {e.Message}");
                return 1;
            }
            writer.Write(rawId, text, extractor.Find(text));
        }
        return 0;
    }

    private static (string RawId, string Text) ParseRecord(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object.");
        if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            throw new FormatException("missing string property 'text'.");
        if (!root.TryGetProperty("id", out var id))
            throw new FormatException("missing property 'id'.");
        if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            throw new FormatException("'id' must be a string or a number.");
        return (id.GetRawText(), text.GetString()!);
    }

    private static TextReader OpenLines(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-") return new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        if (!File.Exists(path)) throw new FileNotFoundException($"Input file '{path}' does not exist.", path);
        return new StreamReader(path, new UTF8Encoding(false));
    }
}
