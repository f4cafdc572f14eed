using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace EntityExtraction.WebApi;

/// <summary>The kinds of body the endpoints read.</summary>
internal enum BodyKind
{
    /// <summary>No Content-Type header.</summary>
    None,
    /// <summary><c>text/plain</c>, UTF-8.</summary>
    PlainText,
    /// <summary><c>application/json</c> or <c>…+json</c>, UTF-8.</summary>
    Json,
    /// <summary><c>application/x-www-form-urlencoded</c>, the HTML form's.</summary>
    Form,
    /// <summary>Anything else, or a charset other than UTF-8.</summary>
    Unsupported,
}

/// <summary>
/// Reads request bodies by hand, so that every failure gets its own status and problem details: the body's size is
/// checked against <see cref="WebApiOptions.MaxRequestBodyBytes"/> whatever the server (Kestrel enforces the same
/// limit; the in-memory test server enforces none), text must be UTF-8, and JSON errors say where they are.
/// </summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static BodyKind Classify(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return BodyKind.None;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
            return BodyKind.Unsupported;
        var charset = mediaType.Charset;
        if (charset.HasValue && !(charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                                  || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
                                  || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)))
            return BodyKind.Unsupported;
        var type = mediaType.MediaType;
        if (type.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            return BodyKind.PlainText;
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            return BodyKind.Json;
        if (type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return BodyKind.Form;
        return BodyKind.Unsupported;
    }

    /// <summary>
    /// Reads a document sent as <c>text/plain</c> (the text itself) or <c>application/json</c> (<typeparamref name="T"/>).
    /// Returns the request, whose text is not empty, or the problem to answer: 415 for another media type, 413 over
    /// the limit, 400 for an empty body, text that is not UTF-8, JSON that does not parse or an empty text.
    /// </summary>
    public static async Task<(T? Request, IResult? Problem)> ReadDocumentAsync<T>(HttpRequest request, long limit,
        JsonTypeInfo<T> json, Func<string, T> fromText)
        where T : class, IDocumentRequest
    {
        var (document, problem) = await ReadAsync(request, limit, json, fromText).ConfigureAwait(false);
        if (problem is null && string.IsNullOrEmpty(document!.Text))
            return (null, Problems.MissingText());
        return (document, problem);
    }

    private static async Task<(T? Request, IResult? Problem)> ReadAsync<T>(HttpRequest request, long limit,
        JsonTypeInfo<T> json, Func<string, T> fromText)
        where T : class
    {
        var kind = Classify(request.ContentType);
        if (kind is BodyKind.Form or BodyKind.Unsupported)
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        var (body, problem) = await ReadBytesAsync(request, limit).ConfigureAwait(false);
        if (problem is not null)
            return (null, problem);
        // No body at all is "empty" whatever the headers; a body without a Content-Type is of no type read here.
        if (body.Length == 0)
            return (null, Problems.EmptyBody());
        if (kind == BodyKind.None)
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        if (kind == BodyKind.PlainText)
        {
            return TryDecode(body, out string? text) ? (fromText(text), null) : (null, Problems.NotUtf8());
        }
        try
        {
            var parsed = JsonSerializer.Deserialize(body.Span, json);
            return parsed is null ? (null, Problems.MalformedJson("The body is the JSON null; send an object: {\"text\": \"…\"}.")) : (parsed, null);
        }
        catch (JsonException error)   // invalid UTF-8 in a string too
        {
            return (null, Problems.MalformedJson(error.Message));
        }
    }

    /// <summary>Reads the whole body, at most <paramref name="limit"/> bytes; 413 past it.</summary>
    public static async Task<(ReadOnlyMemory<byte> Body, IResult? Problem)> ReadBytesAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
            return (default, Problems.TooLarge(limit));
        var cancellationToken = request.HttpContext.RequestAborted;
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 4096, limit));
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                    return (default, Problems.TooLarge(limit));
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, Problems.TooLarge(limit));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    /// <summary>Strict UTF-8, a leading byte-order mark left out (offsets are into the text after it).</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        var bytes = body.Span;
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }
}

/// <summary>Every error the API answers, as RFC 9457 problem details, in one place.</summary>
internal static class Problems
{
    private const string HowToSend = "Send the text as text/plain, or as application/json {\"text\": \"…\"}, in UTF-8.";

    public static IResult EmptyBody() =>
        TypedResults.Problem(title: "Empty body", detail: "The request has no body. " + HowToSend, statusCode: StatusCodes.Status400BadRequest);

    public static IResult MissingText() =>
        TypedResults.Problem(title: "Missing text", detail: "The JSON object has no \"text\", or it is empty. " + HowToSend, statusCode: StatusCodes.Status400BadRequest);

    public static IResult MalformedJson(string detail) =>
        TypedResults.Problem(title: "Malformed JSON", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotUtf8() =>
        TypedResults.Problem(title: "Not UTF-8", detail: "The body is not valid UTF-8. " + HowToSend, statusCode: StatusCodes.Status400BadRequest);

    public static IResult BadOption(string detail) =>
        TypedResults.Problem(title: "Invalid option", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult TooLarge(long limit) =>
        TypedResults.Problem(title: "Request body too large",
            detail: $"The body is over this server's limit of {limit} bytes ({WebApiOptions.SectionName}:MaxRequestBodyBytes). Split the text into documents.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(title: "Unsupported media type",
            detail: $"Content-Type '{contentType ?? "(none)"}' is not read here. " + HowToSend,
            statusCode: StatusCodes.Status415UnsupportedMediaType);
}
