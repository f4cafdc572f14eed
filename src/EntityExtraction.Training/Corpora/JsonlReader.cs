using System.Text;
using System.Text.Json;

namespace EntityExtraction.Training.Corpora;

/// <summary>
/// Reads the raw-text JSONL format: one <c>{"id", "text", "entities":[{"start","end","type"}]}</c> per line,
/// UTF-16 offsets, end exclusive. Entities of other types than PER/ORG/LOC (MISC) are dropped, as they are not scored.
/// </summary>
public static class JsonlReader
{
    public static List<AnnotatedDocument> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"JSONL file '{path}' does not exist.", path);
        using var reader = new StreamReader(path, new UTF8Encoding(false));
        return Read(reader, path);
    }

    /// <exception cref="FormatException">A line is not a valid record; the message names the line number.</exception>
    public static List<AnnotatedDocument> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<AnnotatedDocument>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            try
            {
                documents.Add(Parse(line, lineNumber));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"{sourceName}:{lineNumber}: {e.Message}", e);
            }
        }
        return documents;
    }

    private static AnnotatedDocument Parse(string line, int lineNumber)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object.");
        string text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw new FormatException("missing string property 'text'.");
        string id = root.TryGetProperty("id", out var idElement)
            ? (idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText())
            : $"line{lineNumber}";
        var entities = new List<EntitySpan>();
        if (root.TryGetProperty("entities", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array) throw new FormatException("'entities' must be an array.");
            foreach (var e in list.EnumerateArray())
            {
                int start = e.GetProperty("start").GetInt32();
                int end = e.GetProperty("end").GetInt32();
                string type = e.GetProperty("type").GetString() ?? throw new FormatException("entity without a type.");
                if (start < 0 || end <= start || end > text.Length)
                    throw new FormatException($"entity [{start}, {end}) is outside the text (length {text.Length}).");
                if (EntityTypeCodes.TryParseCode(type, out var entityType)) entities.Add(new EntitySpan(start, end, entityType));
            }
        }
        entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return new AnnotatedDocument(id, text, entities, null);
    }
}
