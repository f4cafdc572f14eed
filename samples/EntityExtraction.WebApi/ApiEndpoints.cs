using EntityExtraction.Pseudonymization;
using Microsoft.Extensions.Options;

namespace EntityExtraction.WebApi;

/// <summary><c>POST /extract</c> and <c>POST /pseudonymize</c>.</summary>
internal static class ApiEndpoints
{
    private const string Offsets = "Offsets are UTF-16 code-unit indices (as in C#, Java and JavaScript strings) into the text as received, end exclusive.";

    public static IEndpointRouteBuilder MapEntityApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/extract", ExtractAsync)
            .WithName("Extract")
            .WithSummary("Finds the people (PER), organisations (ORG) and places (LOC) of a French text.")
            .WithDescription("The body is the text itself (text/plain) or {\"text\": \"…\"} (application/json), UTF-8, one document. " + Offsets)
            .WithTags("Entities")
            .ReadsDocument<ExtractRequest, ExtractResponse>();

        app.MapPost("/pseudonymize", PseudonymizeAsync)
            .WithName("Pseudonymize")
            .WithSummary("Replaces the names of a French text by pseudonyms (persons as [PER_1] by default).")
            .WithDescription("The body is {\"text\": \"…\", \"operator\": \"tag\", \"types\": [\"PER\"]} (application/json), or the text itself "
                + "(text/plain: persons as tags). The answer holds no original name: the map, which does, is returned only when "
                + "\"includeMap\" is true. The hash operator uses the server's key (WebApi:HashKeyFile), never one from the request; "
                + "without it, hash is answered 400. Only names are replaced: addresses, dates and other identifiers stay. " + Offsets)
            .WithTags("Pseudonymisation")
            .ReadsDocument<PseudonymizeRequest, PseudonymizeResponse>();
        return app;
    }

    private static async Task<IResult> ExtractAsync(HttpContext context, IFrenchEntityExtractor extractor, IOptions<WebApiOptions> options)
    {
        var (request, problem) = await RequestBody.ReadDocumentAsync(context.Request, options.Value.MaxRequestBodyBytes,
            ApiJson.Context.ExtractRequest, text => new ExtractRequest { Text = text }).ConfigureAwait(false);
        if (problem is not null)
            return problem;
        var entities = extractor.Extract(request!.Text!, context.RequestAborted);
        return TypedResults.Json(ExtractResponse.From(entities), ApiJson.Context.ExtractResponse);
    }

    private static async Task<IResult> PseudonymizeAsync(HttpContext context, IFrenchEntityExtractor extractor, IOptions<WebApiOptions> options, ServerKey key)
    {
        var (request, problem) = await RequestBody.ReadDocumentAsync(context.Request, options.Value.MaxRequestBodyBytes,
            ApiJson.Context.PseudonymizeRequest, text => new PseudonymizeRequest { Text = text }).ConfigureAwait(false);
        if (problem is not null)
            return problem;

        string operatorName = request!.Operator ?? "tag";
        if (!OperatorNames.TryParse(operatorName, out var op))
            return Problems.BadOption($"operator '{operatorName}' is not one of {OperatorNames.Expected}.");
        if (op == PseudonymizationOperator.Hash && key.Key is null)
            return Problems.BadOption($"The hash operator needs a secret key, and this server has none ({WebApiOptions.SectionName}:HashKeyFile is not set). A key is never taken from a request.");
        var operators = new Dictionary<EntityType, PseudonymizationOperator>();
        foreach (string type in request.Types ?? ["PER"])
        {
            if (!EntityTypeCodes.TryParse(type, out var parsed))
                return Problems.BadOption($"types holds '{type}'; expected PER, ORG or LOC.");
            operators[parsed] = op;
        }

        PseudonymizationOptions pseudonymization;
        try
        {
            pseudonymization = new PseudonymizationOptions
            {
                Operators = operators,
                MinimumConfidence = request.MinimumConfidence,
                FavorRecall = request.Recall,
                InformalText = request.Informal,
                Key = key.Key,
            };
        }
        catch (ArgumentException error)
        {
            return Problems.BadOption(error.Message);
        }
        var result = extractor.Pseudonymize(request.Text!, pseudonymization, context.RequestAborted);
        // The answer is a document's pseudonymised text (and, when asked, its names): no cache keeps it.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(PseudonymizeResponse.From(result, request.IncludeMap), ApiJson.Context.PseudonymizeResponse);
    }
}
