using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EntityExtraction.WebApi.Tests;

/// <summary>What a client sends and reads, written once.</summary>
internal static class Http
{
    public static readonly string Article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ai-alliance-article.txt"));

    public const string Sentence = "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland.";

    public static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => Json(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    public static ByteArrayContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>A problem-details answer: its status, content type and title.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string title)
    {
        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("title").GetString().Should().Be(title);
        return problem;
    }

    /// <summary>The entities of an /extract answer as (text, type, start, end).</summary>
    public static List<(string Text, string Type, int Start, int End)> Entities(JsonElement answer) =>
        [.. answer.GetProperty("entities").EnumerateArray().Select(e => (
            e.GetProperty("text").GetString()!, e.GetProperty("type").GetString()!,
            e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32()))];
}

/// <summary>A stream of unknown length, so that the client sends the body chunked, without Content-Length.</summary>
internal sealed class UnknownLengthStream(long length, byte fill) : Stream
{
    private long _left = length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Min(count, _left);
        buffer.AsSpan(offset, n).Fill(fill);
        _left -= n;
        return n;
    }
}
