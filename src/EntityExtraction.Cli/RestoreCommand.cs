using System.CommandLine;

namespace EntityExtraction.Cli;

/// <summary>
/// <c>restore [FILE|-] --map M.json [--input-format text|jsonl]</c>: gives back the names <c>pseudonymize</c> replaced
/// (tag, surrogate and hash; masked and redacted names are gone for good).
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "Pseudonymised UTF-8 file; '-' or nothing reads standard input.", Arity = ArgumentArity.ZeroOrOne };
        var map = new Option<string>("--map") { Description = "The pseudonym map written by 'pseudonymize --map-out'.", Required = true };
        var inputFormat = new Option<string>("--input-format") { Description = "Input: text or jsonl ({\"id\",\"text\"} records).", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "jsonl");
        var maxInput = InputText.MaxInputOption();
        var command = new Command("restore", "Give back the original names of a pseudonymised text, with its map.") { input, map, inputFormat, maxInput };
        command.SetAction(parse => CommandErrors.Run("restore", () =>
        {
            var pseudonyms = MapFile.Read(parse.GetValue(map)!);
            string? path = parse.GetValue(input);
            int maxBytes = InputText.MaxInputBytes(parse.GetValue(maxInput));
            using var output = StandardOutput.Open();
            if (parse.GetValue(inputFormat) == "text")
                PseudonymizeCommand.WriteText(output, pseudonyms.Restore(InputText.Read(path, maxBytes)));
            else
                JsonlRecords.Transform(path, maxBytes, output, pseudonyms.Restore);
            return 0;
        }));
        return command;
    }
}
