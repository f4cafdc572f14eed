using System.Text.Json;
using EntityExtraction.Cli.Output;
using EntityExtraction.Rendering;

namespace EntityExtraction.Cli;

/// <summary>
/// Writes <c>extract</c> results in the four output formats. <c>jsonl</c>: one line per record,
/// <c>{"id","text","entities":[{"start","end","type","text","source","confidence","canonical"?}]}</c>; <c>json</c>:
/// one array of those records; <c>pretty</c>: the text with entities highlighted by type and a summary table;
/// <c>html</c>: one self-contained page (<see cref="EntityHtmlRenderer"/>), of the text, or with a section per record.
/// </summary>
internal sealed class ExtractOutputWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly StreamWriter _text;
    private readonly PrettyEntityWriter _pretty;
    private readonly string _format;
    private readonly EntityHtmlRenderer _html;
    private EntityHtmlPageWriter? _htmlRecords;
    private bool _htmlWritten;
    private bool _disposed;
    private bool _textStarted;

    public static readonly string[] Formats = ["pretty", "json", "jsonl", "html"];

    /// <param name="output">Where the results go.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <param name="title">The html page's title (the input's name); ignored by the other formats.</param>
    public ExtractOutputWriter(Stream output, string format, string title = "Entities")
    {
        if (!Formats.Contains(format)) throw new ArgumentException($"Unknown output format '{format}'; expected {string.Join(", ", Formats)}.", nameof(format));
        _format = format;
        _html = new EntityHtmlRenderer(new EntityHtmlOptions { Title = title });
        _stream = new BufferedStream(output, 1 << 16);
        _json = new Utf8JsonWriter(_stream, JsonLines.WriterOptions with { Indented = format == "json" });
        _text = new StreamWriter(_stream, new System.Text.UTF8Encoding(false), 1 << 12, leaveOpen: true);
        _pretty = new PrettyEntityWriter(_text, format == "pretty" && PrettyEntityWriter.ShouldUseColour());
        if (format == "json") _json.WriteStartArray();
    }

    /// <summary>The output format: pretty, json or jsonl.</summary>
    public string Format => _format;

    /// <summary>Writes one record. <paramref name="rawId"/> is the record's id as raw JSON (string or number), or null for plain-text input.</summary>
    public void Write(string? rawId, string text, IReadOnlyList<Entity> entities)
    {
        if (_format == "pretty")
        {
            WritePretty(rawId, text, entities);
            return;
        }
        if (_format == "html")
        {
            WriteHtml(rawId, text, entities);
            return;
        }
        BeginRecord(rawId);
        _json.WriteString("text", text);
        _json.WriteStartArray("entities");
        foreach (var e in entities)
            WriteEntity(e);
        EndRecord();
    }

    /// <summary>Starts a JSON record whose text and entities follow in pieces (a streamed text): then
    /// <see cref="WriteTextSegment"/> until the last segment, <see cref="WriteEntity"/> for each entity, and
    /// <see cref="EndRecord"/>.</summary>
    public void BeginRecord(string? rawId)
    {
        _json.WriteStartObject();
        if (rawId != null)
        {
            _json.WritePropertyName("id");
            _json.WriteRawValue(rawId, skipInputValidation: true);
        }
    }

    /// <summary>Writes a piece of the record's text (never half a surrogate pair); the last one opens the entities.</summary>
    public void WriteTextSegment(ReadOnlySpan<char> text, bool last)
    {
        if (!_textStarted)
        {
            _json.WritePropertyName("text");
            _textStarted = true;
        }
        _json.WriteStringValueSegment(text, last);
        if (last)
        {
            _json.WriteStartArray("entities");
            _textStarted = false;
        }
        FlushIfFull();
    }

    public void WriteEntity(Entity e)
    {
        _json.WriteStartObject();
        _json.WriteNumber("start", e.Start);
        _json.WriteNumber("end", e.End);
        _json.WriteString("type", EntityTypeCodes.ToCode(e.Type));
        _json.WriteString("text", e.Text);
        _json.WriteString("source", PrettyEntityWriter.SourceLabel(e.Source));
        _json.WriteNumber("confidence", MathF.Round(e.Confidence, 4));
        if (e.CanonicalName is not null)
            _json.WriteString("canonical", e.CanonicalName);
        _json.WriteEndObject();
        FlushIfFull();
    }

    /// <summary>Closes the entities and the record.</summary>
    public void EndRecord()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        if (_format == "jsonl")
        {
            _json.Flush();
            _stream.WriteByte((byte)'\n');
            _json.Reset();
        }
        else
        {
            // The array stays open, but what is written so far goes out: memory stays flat however many records,
            // and a reader sees the records as they come.
            _json.Flush();
        }
    }

    // The JSON writer holds what it writes until flushed: a streamed record is flushed as it grows.
    private void FlushIfFull()
    {
        if (_json.BytesPending >= 1 << 16) _json.Flush();
    }

    /// <summary>The pretty output of a streamed text: the text is written as it is read, each entity highlighted as
    /// it comes, and the summary table at the end.</summary>
    public PrettyTextStream BeginPretty() => new(_pretty, _text);

    private void WritePretty(string? rawId, string text, IReadOnlyList<Entity> entities)
    {
        if (rawId != null)
            _text.WriteLine($"# {rawId}");
        _pretty.Write(text, entities);
        _text.Flush();
    }

    // Plain text is one document: one page of it. JSONL records are sections of one page, written as they come and
    // ended when the writer is disposed (also after a malformed record, so the page is whole).
    private void WriteHtml(string? rawId, string text, IReadOnlyList<Entity> entities)
    {
        if (rawId is null && !_htmlWritten)
        {
            _html.RenderPage(_text, text, entities);
        }
        else
        {
            if (rawId is null || _htmlRecords is null && _htmlWritten)
                throw new InvalidOperationException("An html page holds one plain text, or records with ids.");
            _htmlRecords ??= new EntityHtmlPageWriter(_html, _text, "entities");
            _htmlRecords.Write(new EntityHtmlDocument(DisplayId(rawId), text, entities));
        }
        _htmlWritten = true;
        _text.Flush();
    }

    /// <summary>A record's id as a reader knows it: a string's value (<c>"doc-1"</c> → <c>doc-1</c>), a number as written.</summary>
    internal static string DisplayId(string rawId)
    {
        using var id = JsonDocument.Parse(rawId);
        return id.RootElement.ValueKind == JsonValueKind.String ? id.RootElement.GetString()! : id.RootElement.GetRawText();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_format == "html" && (_htmlRecords is not null || !_htmlWritten))
        {
            // JSONL input's page (with no record, a page that says so).
            (_htmlRecords ?? new EntityHtmlPageWriter(_html, _text, "entities")).Finish();
        }
        if (_format == "json")
        {
            _json.WriteEndArray();
            _json.Flush();
            _stream.WriteByte((byte)'\n');
        }
        _json.Flush();
        _text.Flush();
        _stream.Flush();
        _json.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }
}
