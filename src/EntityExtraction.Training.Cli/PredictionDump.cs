using System.Globalization;
using System.Text.Json;
using EntityExtraction.Cli;
using EntityExtraction.Model;
using EntityExtraction.Pipeline;
using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// Writes what the evaluated pipeline predicted, one JSON line per document, so that two builds can be compared
/// output for output (<c>evaluate --predictions FILE</c>): offsets, type, source and the confidence as its exact
/// float value.
/// </summary>
internal static class PredictionDump
{
    public static void Write(string path, IReadOnlyList<string> files, IReadOnlyDictionary<string, List<AnnotatedDocument>> documents, FrenchEntityExtractor extractor, EvaluationMode mode)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(stream, JsonLines.WriterOptions);
        var merged = new List<MergedEntity>();
        foreach (string file in files)
        {
            foreach (var document in documents[file])
            {
                writer.WriteStartObject();
                writer.WriteString("file", Path.GetFileName(file));
                writer.WriteString("id", document.Id);
                writer.WriteStartArray("entities");
                if (mode == EvaluationMode.EndToEnd)
                {
                    foreach (var e in extractor.Extract(document.Text))
                        WriteEntity(writer, e.Start, e.End, e.Type, e.Source, e.Confidence, e.CanonicalName);
                }
                else
                {
                    merged.Clear();
                    extractor.ExtractTokenized(document.Text, document.GoldTokens ?? FrenchTokenizer.Default.Tokenize(document.Text), merged);
                    foreach (var e in merged)
                        WriteEntity(writer, e.Start, e.End, e.Type, e.Source, e.Confidence, e.CanonicalName);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
                JsonLines.EndLine(writer, stream);
            }
        }
    }

    private static void WriteEntity(Utf8JsonWriter writer, int start, int end, EntityType type, EntitySource source, float confidence, string? canonical)
    {
        writer.WriteStartObject();
        writer.WriteNumber("start", start);
        writer.WriteNumber("end", end);
        writer.WriteString("type", EntityTypeCodes.ToCode(type));
        writer.WriteString("source", source == EntitySource.Model ? "model" : "gazetteer");
        // The shortest text that reads back as the same float: equal strings mean equal values.
        writer.WriteString("confidence", confidence.ToString("R", CultureInfo.InvariantCulture));
        if (canonical is not null) writer.WriteString("canonical", canonical);
        writer.WriteEndObject();
    }
}
