using System.Net;
using System.Text;
using EntityExtraction.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace EntityExtraction.WebApi;

/// <summary>
/// The HTML view: <c>GET /</c> is a form, <c>POST /view</c> (form-encoded, field <c>text</c>) the same page with the
/// text's entities drawn by <see cref="EntityHtmlRenderer"/>. One self-contained page: inline CSS, no script, nothing
/// loaded from elsewhere, so it works offline. It changes nothing on the server and uses no cookie, so it needs no
/// anti-forgery token.
/// </summary>
internal static class ViewEndpoints
{
    // The renderer's pages say it too: nothing runs and nothing is loaded; the form posts only here.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly EntityHtmlRenderer Renderer = new(new EntityHtmlOptions { Title = "Entities" });

    public static IEndpointRouteBuilder MapEntityView(this IEndpointRouteBuilder app)
    {
        // Pages for people, not operations of the API: left out of the OpenAPI description.
        app.MapGet("/", () => Page(null, null, StatusCodes.Status200OK)).ExcludeFromDescription();
        app.MapPost("/view", ViewAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ViewAsync(HttpContext context, IFrenchEntityExtractor extractor, IOptions<WebApiOptions> options)
    {
        var request = context.Request;
        if (RequestBody.Classify(request.ContentType) != BodyKind.Form)
            return Page(null, "This page reads an HTML form (application/x-www-form-urlencoded).", StatusCodes.Status415UnsupportedMediaType);
        long limit = options.Value.MaxRequestBodyBytes;
        var (body, problem) = await RequestBody.ReadBytesAsync(request, limit).ConfigureAwait(false);
        if (problem is not null)
            return Page(null, $"The text is over this server's limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        // Browsers percent-encode the form's UTF-8; other clients may send it raw. FormReader decodes both.
        if (!RequestBody.TryDecode(body, out string? encoded))
            return Page(null, "The form is not valid UTF-8.", StatusCodes.Status400BadRequest);
        var form = new FormReader(encoded).ReadForm();
        string text = form.TryGetValue("text", out var values) ? values.ToString() : "";
        if (text.Length == 0)
            return Page(null, "Type or paste a French text.", StatusCodes.Status400BadRequest);
        var entities = extractor.Extract(text, context.RequestAborted);
        return Page(text, Renderer.RenderFragment(text, entities), StatusCodes.Status200OK, isFragment: true);
    }

    /// <summary>The page: the form (holding <paramref name="text"/>), then <paramref name="content"/> — a message, or the
    /// renderer's fragment when <paramref name="isFragment"/>.</summary>
    private static HtmlResult Page(string? text, string? content, int status, bool isFragment = false)
    {
        var html = new StringBuilder(4096 + (text?.Length ?? 0) * 3);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>EntityExtraction</title>\n<style>\n")
            .Append("body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #ffffff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }\n")
            .Append("textarea { display: block; width: 100%; box-sizing: border-box; font: inherit; margin: 0.5rem 0; }\n")
            .Append("button { font: inherit; padding: 0.3rem 1rem; }\n")
            .Append(".message { border-left: 4px solid #9a3412; padding-left: 0.75rem; }\n")
            .Append("footer { color: #4b5563; margin-top: 2rem; font-size: 0.9rem; }\n")
            .Append(EntityHtmlRenderer.StyleSheet)
            .Append("</style>\n</head>\n<body>\n<h1>EntityExtraction</h1>\n")
            .Append("<p>The people (PER), organisations (ORG) and places (LOC) of a French text.</p>\n")
            .Append("<form method=\"post\" action=\"view\">\n<label for=\"text\">French text</label>\n")
            // A parser drops the line feed right after <textarea>: written, it keeps a text's own first line break.
            .Append("<textarea id=\"text\" name=\"text\" rows=\"12\" required>\n")
            .Append(WebUtility.HtmlEncode(text ?? ""))
            .Append("</textarea>\n<button type=\"submit\">Find the entities</button>\n</form>\n");
        if (content is not null)
        {
            if (isFragment)
                html.Append(content).Append('\n');
            else
                html.Append("<p class=\"message\" role=\"alert\">").Append(WebUtility.HtmlEncode(content)).Append("</p>\n");
        }
        html.Append("<footer>API: <code>POST /extract</code>, <code>POST /pseudonymize</code>; description: ")
            .Append("<code>/openapi/v1.json</code>; health: <code>/health</code>.</footer>\n</body>\n</html>\n");
        return new HtmlResult(html.ToString(), status);
    }

    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.CacheControl = "no-store";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
