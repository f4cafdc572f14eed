// The consumer check's app: uses EntityExtraction exactly as a NuGet user would, from the packed package.
using EntityExtraction;
using EntityExtraction.Extensions.DependencyInjection;
using EntityExtraction.ML;
using EntityExtraction.Pseudonymization;
using Microsoft.Extensions.DependencyInjection;
using EntityExtraction.Tokenization;
using Microsoft.ML;
using Microsoft.ML.Data;

const string text = "Meta et IBM lancent l’AI Alliance avec la fondation Linux, a annoncé Sylvain Rolland à Paris.";

var tokens = FrenchTokenizer.Default.Tokenize(text);
foreach (var token in tokens)
    Console.WriteLine($"{token.Start,3}-{token.End,-3} {token.Kind,-12} {token.GetText(text)}");

// The embedded model and gazetteer must have made it into the package.
var entities = FrenchEntityExtractor.CreateDefault().Extract(text);
foreach (var entity in entities)
    Console.WriteLine($"{entity.Type,-12} {entity.Text,-16} {entity.Source,-9} {entity.Confidence:0.00} {entity.CanonicalName}");

bool tokensOk = tokens.Count > 0 && tokens.All(t => t.GetText(text).Trim().Length > 0) && tokens[4].GetText(text) == "l’";
bool entitiesOk = entities.Any(e => e.Text == "IBM" && e.Type == EntityType.Organization)
    && entities.Any(e => e.Text == "Sylvain Rolland" && e.Type == EntityType.Person);
// EntityExtraction.ML: the transform once, then the same through a model saved and loaded in a fresh MLContext.
var mlContext = new MLContext(seed: 1);
var rows = mlContext.Data.LoadFromEnumerable(new[] { new Row { Text = text } });
var transformer = mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text").Fit(rows);
var mlEntities = transformer.Transform(rows).GetColumn<string[]>("Entities").Single();
Console.WriteLine($"ML.NET: {string.Join(" | ", mlEntities)}");
using var saved = new MemoryStream();
mlContext.Model.Save(transformer, rows.Schema, saved);
saved.Position = 0;
var fresh = new MLContext();
var reloaded = fresh.Model.Load(saved, out _).Transform(fresh.Data.LoadFromEnumerable(new[] { new Row { Text = text } }))
    .GetColumn<string[]>("Entities").Single();
bool mlOk = mlEntities.Contains("ORG:IBM") && mlEntities.Contains("PER:Sylvain Rolland") && reloaded.SequenceEqual(mlEntities);

// EntityExtraction.Extensions.DependencyInjection: the registered extractor extracts and pseudonymises.
var services = new ServiceCollection();
services.AddFrenchEntityExtraction();
using var provider = services.BuildServiceProvider();
var registered = provider.GetRequiredService<IFrenchEntityExtractor>();
var pseudonymized = registered.Pseudonymize(text, PseudonymizationOptions.Default);
Console.WriteLine($"DI: {pseudonymized.Text}");
bool diOk = registered.Extract(text).SequenceEqual(entities) && !pseudonymized.Text.Contains("Rolland", StringComparison.Ordinal)
    && registered.Restore(pseudonymized.Text, pseudonymized.Map) == text;

if (!tokensOk || !entitiesOk || !mlOk || !diOk)
{
    Console.Error.WriteLine($"consumer check FAILED: tokens ok = {tokensOk}, entities ok = {entitiesOk}, ML.NET ok = {mlOk}, DI ok = {diOk}");
    return 1;
}
Console.WriteLine(FrenchEntityExtractor.CreateDefault().ModelInfo);
Console.WriteLine($"consumer check passed on .NET {Environment.Version.Major}.{Environment.Version.Minor}");
return 0;

/// <summary>The ML.NET check's row: one document.</summary>
internal sealed class Row
{
    public string Text { get; set; } = "";
}
