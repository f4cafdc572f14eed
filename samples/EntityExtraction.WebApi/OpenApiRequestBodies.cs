using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EntityExtraction.WebApi;

/// <summary>
/// The OpenAPI request body of the endpoints that read their body by hand (<see cref="RequestBody"/>). Accepts
/// metadata would describe it too, but it also makes routing answer 415 itself, without saying what to send.
/// </summary>
internal static class OpenApiRequestBodies
{
    /// <summary>
    /// An endpoint read by <see cref="RequestBody.ReadDocumentAsync"/>: its body is <typeparamref name="TRequest"/> as
    /// JSON or the text alone as <c>text/plain</c>; it answers <typeparamref name="TResponse"/>, or problem details
    /// with 400, 413 or 415.
    /// </summary>
    public static RouteHandlerBuilder ReadsDocument<TRequest, TResponse>(this RouteHandlerBuilder builder) =>
        builder.AcceptsJsonOrText<TRequest>()
            .Produces<TResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The body is <typeparamref name="TRequest"/> as JSON, or the text alone as <c>text/plain</c>.</summary>
    private static RouteHandlerBuilder AcceptsJsonOrText<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TRequest), null, cancellationToken).ConfigureAwait(false);
            IOpenApiSchema json = schema;
            if (context.Document is { } document)
            {
                document.AddComponent(typeof(TRequest).Name, schema);
                json = new OpenApiSchemaReference(typeof(TRequest).Name, document);
            }
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "UTF-8, at most WebApi:MaxRequestBodyBytes bytes (1 MiB by default; more is answered 413).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = json },
                    ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The text itself, one document." } },
                },
            };
        });
}
