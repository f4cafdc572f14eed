using System.Text.Json;
using EntityExtraction.Storage;

namespace EntityExtraction.Cli;

/// <summary>JSONL in, JSONL out: each <c>{"id","text"}</c> record's text transformed, its id kept, in order.</summary>
internal static class JsonlRecords
{
    public static void Transform(string? path, int maxRecordBytes, Stream output, Func<string, string> transform)
    {
        string source = path is null or "-" ? "stdin" : path;
        using var stream = OpenInput(path);
        var error = (int line, string problem) => new InvalidDataException($"{source}:{line}: {problem}");
        using var json = new Utf8JsonWriter(output, JsonLines.WriterOptions);
        foreach (var (lineNumber, line) in Utf8LineReader.ReadUtf8(stream, maxRecordBytes, error))
        {
            if (line.Trim().Length == 0) continue;
            (string rawId, string text) record;
            try
            {
                record = ExtractCommand.ParseRecord(line);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                string problem = e is JsonException j ? $"invalid JSON at byte {j.BytePositionInLine + 1} of the line" : e.Message;
                throw new InvalidDataException($"{source}:{lineNumber}: malformed record: {problem}", e);
            }
            string transformed;
            try
            {
                transformed = transform(record.text);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{source}:{lineNumber}: {e.Message}", e);
            }
            json.WriteStartObject();
            json.WritePropertyName("id");
            json.WriteRawValue(record.rawId, skipInputValidation: true);
            json.WriteString("text", transformed);
            json.WriteEndObject();
            JsonLines.EndLine(json, output);
        }
    }

    /// <summary>The file, or standard input for '-' or no path.</summary>
    public static Stream OpenInput(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-") return Console.OpenStandardInput();
        InputText.CheckFile(path, "Input file");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }
}
