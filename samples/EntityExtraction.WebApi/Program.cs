// The EntityExtraction web API sample: POST /extract, POST /pseudonymize, the HTML view at GET /, the OpenAPI
// description at /openapi/v1.json and /health. The extractor comes from EntityExtraction.Extensions.DependencyInjection,
// configured by the section "EntityExtraction" of appsettings.json; the sample's own settings are in "WebApi".
//   dotnet run --project samples/EntityExtraction.WebApi          # then open http://localhost:5000/
//   curl -s http://localhost:5000/extract -H 'Content-Type: text/plain' --data-binary @seeds/ai-alliance-article.txt
using EntityExtraction;
using EntityExtraction.Extensions.DependencyInjection;
using EntityExtraction.WebApi;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFrenchEntityExtraction(builder.Configuration.GetSection(FrenchEntityExtractionOptions.DefaultSectionName));

builder.Services.AddOptions<WebApiOptions>().BindConfiguration(WebApiOptions.SectionName).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<WebApiOptions>, WebApiOptionsValidator>();
builder.Services.AddSingleton<ServerKey>();
// Kestrel stops reading at the same limit as the endpoints (its default is 30 MB).
builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<WebApiOptions>>(
    (kestrel, options) => kestrel.Limits.MaxRequestBodySize = options.Value.MaxRequestBodyBytes);

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Encoder = ApiJson.Encoder;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Context);
});
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<ExtractorHealthCheck>("extractor");
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "EntityExtraction web API";
    document.Info.Description = "French named-entity recognition (PER, ORG, LOC) and pseudonymisation. "
        + "Offsets are UTF-16 code-unit indices into the text as received, end exclusive. "
        + "Errors are problem details (RFC 9457). The HTML view is at / and the health check at /health.";
    return Task.CompletedTask;
}));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapEntityApi();
app.MapEntityView();
app.MapHealthChecks("/health");
app.MapOpenApi();

// Load the model and the gazetteer now (options checked, a wrong setting stops here) rather than in the first request.
app.Services.GetRequiredService<IFrenchEntityExtractor>();

app.Run();
