using System.CommandLine;
using System.Text;
using System.Text.Json;
using EntityExtraction.Pseudonymization;
using EntityExtraction.Storage;

namespace EntityExtraction.Cli;

/// <summary>
/// <c>pseudonymize [FILE|-] [--input-format text|jsonl] [--operator tag|surrogate|mask|redact|hash] [--types PER,ORG]
/// [--key-file F] [--map-in M.json] [--map-out M.json] [--recall] [--informal]</c>: replaces the names of plain text, or
/// of JSONL records <c>{"id","text"}</c> (one output record <c>{"id","text"}</c> per input record, same ids, in order);
/// the records share one map, so a person keeps one pseudonym across them.
/// </summary>
internal static class PseudonymizeCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "UTF-8 input file; '-' or nothing reads standard input.", Arity = ArgumentArity.ZeroOrOne };
        var inputFormat = new Option<string>("--input-format") { Description = "Input: text (one document) or jsonl (one {\"id\",\"text\"} record per line).", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "jsonl");
        var op = new Option<string>("--operator") { Description = "tag ([PER_1]), surrogate (a French name of the same shape), mask (J*** D*****), redact ([…]) or hash (keyed, needs --key-file).", DefaultValueFactory = _ => "tag" };
        op.AcceptOnlyFromAmong("tag", "surrogate", "mask", "redact", "hash");
        var types = new Option<string[]>("--types") { Description = "Entity types to replace: PER, ORG, LOC (repeatable or comma-separated); default PER." };
        var keyFile = new Option<string?>("--key-file") { Description = "File of at least 16 secret bytes: the key of hash and of the surrogate draw; the map remembers its fingerprint." };
        var mapIn = new Option<string?>("--map-in") { Description = "Pseudonym map to continue (JSON written by --map-out)." };
        var mapOut = new Option<string?>("--map-out") { Description = "Where to write the map, needed by 'restore' (may be the --map-in file)." };
        var recall = new Option<bool>("--recall") { Description = "Err towards removing: also names read as persons by their first name, and first names wherever they recur." };
        var informal = new Option<bool>("--informal") { Description = "Informal text that writes names in lower case (chat, e-mail, transcripts)." };
        var minConfidence = new Option<float>("--min-confidence") { Description = "Leave names whose confidence is below this value (0 to 1).", DefaultValueFactory = _ => 0f };
        var model = new Option<string?>("--model") { Description = "Model file; the embedded default model if omitted." };
        var noGazetteer = new Option<bool>("--no-gazetteer") { Description = "Turn the gazetteer fallback off: the model alone." };
        var gazetteers = new Option<string[]>("--gazetteer") { Description = "Extra TSV gazetteer (repeatable): its PER names are replaced too." };
        var maxInput = InputText.MaxInputOption();
        var command = new Command("pseudonymize", "Replace the names of French text by pseudonyms (persons by default), consistently across mentions and records.")
        {
            input, inputFormat, op, types, keyFile, mapIn, mapOut, recall, informal, minConfidence, model, noGazetteer, gazetteers, maxInput,
        };
        command.SetAction(parse => CommandErrors.Run("pseudonymize", () =>
        {
            var chosen = Enum.Parse<PseudonymizationOperator>(parse.GetValue(op)!, ignoreCase: true);
            var wanted = ExtractCommand.ParseTypes(parse.GetValue(types));
            if (wanted.Length == 0) wanted = [EntityType.Person];
            if (chosen == PseudonymizationOperator.Surrogate && wanted.Any(t => t != EntityType.Person))
                throw new OptionException("--operator surrogate replaces persons only; use tag, mask, redact or hash with --types ORG or LOC.");
            string? keyPath = parse.GetValue(keyFile);
            if (chosen == PseudonymizationOperator.Hash && keyPath is null)
                throw new OptionException("--operator hash needs --key-file (a file of at least 16 secret bytes).");
            float minimum = parse.GetValue(minConfidence);
            if (!(minimum is >= 0f and <= 1f))
                throw new OptionException($"--min-confidence must be between 0 and 1 (got {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
            var options = new PseudonymizationOptions
            {
                Operators = wanted.Distinct().ToDictionary(t => t, _ => chosen),
                Key = keyPath is null ? null : ReadKey(keyPath),
                Map = parse.GetValue(mapIn) is { } mapPath ? MapFile.Read(mapPath) : null,
                FavorRecall = parse.GetValue(recall),
                InformalText = parse.GetValue(informal),
                MinimumConfidence = minimum,
            };
            var extractor = ExtractorOptions.CreateBuilder(parse.GetValue(model), parse.GetValue(noGazetteer), parse.GetValue(gazetteers)).Build();
            string? path = parse.GetValue(input);
            int maxBytes = InputText.MaxInputBytes(parse.GetValue(maxInput));
            PseudonymMap map;
            using (var output = StandardOutput.Open())
            {
                if (parse.GetValue(inputFormat) == "text")
                {
                    var result = extractor.Pseudonymize(InputText.Read(path, maxBytes), options);
                    WriteText(output, result.Text);
                    map = result.Map;
                }
                else
                {
                    map = options.Map ?? new PseudonymMap();
                    var shared = new PseudonymizationOptions
                    {
                        Operators = options.Operators, Key = options.Key, Map = map, FavorRecall = options.FavorRecall,
                        InformalText = options.InformalText, MinimumConfidence = options.MinimumConfidence,
                    };
                    JsonlRecords.Transform(path, maxBytes, output, text => extractor.Pseudonymize(text, shared).Text);
                }
            }
            if (parse.GetValue(mapOut) is { } outPath)
                MapFile.Write(outPath, map);
            return 0;
        }));
        return command;
    }

    private static byte[] ReadKey(string path)
    {
        InputText.CheckFile(path, "Key file");
        byte[] key = File.ReadAllBytes(path);
        if (key.Length < 16)
            throw new InvalidDataException($"Key file '{path}' holds {key.Length} bytes; a key needs at least 16 (for example: head -c 32 /dev/urandom > {path}).");
        return key;
    }

    internal static void WriteText(Stream output, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        output.Write(bytes);
    }
}
