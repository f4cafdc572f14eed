using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntityExtraction.Cli;

/// <summary>Shared settings for the JSON Lines the CLI writes.</summary>
internal static class JsonLines
{
    /// <summary>French text stays readable (é, «, ’ are written as themselves, not \u escapes).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Finishes the current JSON value and starts a new line, reusing the writer.</summary>
    public static void EndLine(Utf8JsonWriter writer, Stream output)
    {
        writer.Flush();
        output.WriteByte((byte)'\n');
        writer.Reset();
    }
}
