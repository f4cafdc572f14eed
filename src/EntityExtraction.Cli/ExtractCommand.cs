using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EntityExtraction.Storage;

namespace EntityExtraction.Cli;

/// <summary>
/// <c>extract [FILE|-] [--model MODEL] [--no-gazetteer] [--gazetteer FILE.tsv]… [--types …] [--min-confidence X]
/// [--format pretty|json|jsonl|html] [--input-format text|jsonl]</c>: finds the entities of plain text, or of JSONL records
/// <c>{"id","text"}</c> (one output record per input line, in order). A plain text is streamed
/// (<see cref="TextInputExtraction"/>), except for the HTML page, which needs the whole text; records are tagged in bounded batches.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "UTF-8 input file; '-' or nothing reads standard input.", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string?>("--model") { Description = "Model file; the embedded default model if omitted." };
        var noGazetteer = new Option<bool>("--no-gazetteer") { Description = "Turn the gazetteer fallback off: the model alone." };
        var gazetteers = new Option<string[]>("--gazetteer") { Description = "Extra TSV gazetteer, name<TAB>type[<TAB>canonical[<TAB>alias|alias…]] (repeatable)." };
        var types = new Option<string[]>("--types") { Description = "Only these entity types: PER, ORG, LOC (repeatable or comma-separated)." };
        var minConfidence = new Option<float>("--min-confidence") { Description = "Drop entities whose confidence is below this value (0 to 1).", DefaultValueFactory = _ => 0f };
        var format = new Option<string>("--format") { Description = "Output: pretty (highlighted text and a summary table), json, jsonl, or html (one self-contained page; JSONL input: a section per record).", DefaultValueFactory = _ => "pretty" };
        format.AcceptOnlyFromAmong(ExtractOutputWriter.Formats);
        var maxInput = InputText.MaxInputOption(
            $"The largest JSONL record read, in MB (default {InputText.DefaultMaxInputMegabytes}): a larger one is refused instead of filling the memory. A plain text is streamed in bounded memory and has no limit unless this option is given.");
        var encoding = InputText.EncodingOption();
        var timingsOption = new Option<bool>("--timings") { Description = "Print on standard error where the run's time went: start-up, loading, reading, each pipeline stage, writing (records are then tagged on one thread)." };
        var threadsOption = new Option<int>("--threads") { Description = "JSONL input: tag records on up to this many cores (output order unchanged); default: all.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var inputFormat = new Option<string>("--input-format") { Description = "Input: text (the whole input is one text) or jsonl (one {\"id\",\"text\"} record per line).", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "jsonl");
        var command = new Command("extract", "Find people, organisations and places in French text (the model, then the gazetteer fallback).")
        {
            input, model, noGazetteer, gazetteers, types, minConfidence, format, inputFormat, maxInput, encoding, timingsOption, threadsOption,
        };
        command.SetAction(parse => CommandErrors.Run("extract", () =>
        {
            var timings = parse.GetValue(timingsOption) ? new ExtractTimings() : null;
            long since = Stopwatch.GetTimestamp();
            var builder = ExtractorOptions.CreateBuilder(parse.GetValue(model), parse.GetValue(noGazetteer), parse.GetValue(gazetteers));
            float minimum = parse.GetValue(minConfidence);
            if (!(minimum is >= 0f and <= 1f))
                throw new OptionException($"--min-confidence must be between 0 and 1 (got {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
            builder.WithMinimumConfidence(minimum);
            var wanted = ParseTypes(parse.GetValue(types));
            if (wanted.Length > 0)
                builder.WithEntityTypes(wanted);
            var extractor = builder.Build();
            if (timings is not null) timings.Load = Stopwatch.GetTimestamp() - since;

            string? path = parse.GetValue(input);
            int maxBytes = InputText.MaxInputBytes(parse.GetValue(maxInput));
            int status;
            using (var writer = new ExtractOutputWriter(StandardOutput.Open(), parse.GetValue(format)!, PageTitle(path)))
            {
                if (parse.GetValue(inputFormat) == "text" && parse.GetValue(format) == "html")
                {
                    // The page shows the whole text at once: it is read whole, within the --max-input-mb limit.
                    since = Stopwatch.GetTimestamp();
                    string text = InputText.Read(path, maxBytes, InputText.EncodingNamed(parse.GetValue(encoding)!));
                    if (timings is not null) timings.Read = Stopwatch.GetTimestamp() - since;
                    var entities = extractor.Extract(text, timings?.Stages, CancellationToken.None);
                    since = Stopwatch.GetTimestamp();
                    writer.Write(null, text, entities);
                    writer.Dispose();
                    if (timings is not null) timings.Write = Stopwatch.GetTimestamp() - since;
                    status = 0;
                }
                else if (parse.GetValue(inputFormat) == "text")
                {
                    // A text is streamed, in memory that does not grow with it: no size limit unless one is given.
                    long textLimit = parse.GetResult(maxInput) is { Implicit: false } ? maxBytes : long.MaxValue;
                    TextInputExtraction.RunAsync(path, textLimit, InputText.EncodingNamed(parse.GetValue(encoding)!), extractor, writer, timings)
                        .GetAwaiter().GetResult();
                    since = Stopwatch.GetTimestamp();
                    writer.Dispose();
                    if (timings is not null) timings.Write += Stopwatch.GetTimestamp() - since;
                    status = 0;
                }
                else
                {
                    int threads = parse.GetValue(threadsOption);
                    if (threads < 1) throw new OptionException($"--threads must be at least 1 (got {threads}).");
                    status = RunJsonl(path, maxBytes, timings is null ? threads : 1, extractor, writer, timings);
                }
            }
            timings?.Print(Console.Error);
            return status;
        }));
        return command;
    }

    /// <summary>The html page's title: the input's file name, or standard input.</summary>
    internal static string PageTitle(string? path) =>
        $"Entities — {(string.IsNullOrEmpty(path) || path == "-" ? "standard input" : Path.GetFileName(path))}";

    internal static EntityType[] ParseTypes(string[]? values)
    {
        var result = new List<EntityType>();
        foreach (var code in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!EntityTypeCodes.TryParse(code, out var type))
                throw new OptionException($"Unknown entity type '{code}' in --types; expected {EntityTypeCodes.Expected}.");
            result.Add(type);
        }
        return [.. result];
    }

    // Records are tagged in batches, in parallel on up to `threads` cores, and written in input order; a batch holds at
    // most this many records (and the --max-input-mb of each), so memory stays bounded whatever the file's size.
    private const int RecordsPerBatch = 256;

    private static int RunJsonl(string? path, int maxRecordBytes, int threads, FrenchEntityExtractor extractor, ExtractOutputWriter writer, ExtractTimings? timings)
    {
        string source = path is null or "-" ? "stdin" : path;
        long started = Stopwatch.GetTimestamp();
        using var stream = JsonlRecords.OpenInput(path);
        var error = (int line, string problem) => new InvalidDataException($"{source}:{line}: {problem}");
        var batch = new List<(string RawId, string Text)>(RecordsPerBatch);
        var results = new IReadOnlyList<Entity>[RecordsPerBatch];
        void Flush()
        {
            if (threads == 1 || batch.Count == 1)
            {
                for (int i = 0; i < batch.Count; i++) results[i] = extractor.Extract(batch[i].Text, timings?.Stages, CancellationToken.None);
            }
            else
            {
                Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => results[i] = extractor.Extract(batch[i].Text));
            }
            long since = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch.Count; i++) writer.Write(batch[i].RawId, batch[i].Text, results[i]);
            if (timings is not null) timings.Write += Stopwatch.GetTimestamp() - since;
            batch.Clear();
        }

        foreach (var (lineNumber, line) in Utf8LineReader.ReadUtf8(stream, maxRecordBytes, error))
        {
            if (line.Trim().Length == 0) continue;
            try
            {
                batch.Add(ParseRecord(line));
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                // The records before the bad one are still tagged and written, as they would be one by one.
                Flush();
                writer.Dispose();
                string problem = e is JsonException json ? $"invalid JSON at byte {json.BytePositionInLine + 1} of the line" : e.Message;
                Console.Error.WriteLine($"extract: {source}:{lineNumber}: malformed record: {problem}");
                return 1;
            }
            if (batch.Count == RecordsPerBatch) Flush();
        }
        Flush();
        long flush = Stopwatch.GetTimestamp();
        writer.Dispose();
        if (timings is not null)
        {
            long end = Stopwatch.GetTimestamp();
            timings.Write += end - flush;
            var s = timings.Stages;
            // Reading the records is what the loop spent outside the pipeline and the writer.
            timings.Read = end - started - timings.Write - (s.Tokenize + s.Model + s.Gazetteer + s.Document + s.Materialise);
        }
        return 0;
    }

    internal static (string RawId, string Text) ParseRecord(string line)
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
        try
        {
            return (id.GetRawText(), text.GetString()!);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses an escaped lone surrogate ("\ud800"): not text a tagger can be given.
            throw new FormatException("'text' holds an escaped lone surrogate (such as \\ud800), which is not valid text.");
        }
    }
}
