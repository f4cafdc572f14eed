// The consumer check's app: uses EntityExtraction exactly as a NuGet user would, from the packed package.
using EntityExtraction;
using EntityExtraction.Tokenization;

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
if (!tokensOk || !entitiesOk)
{
    Console.Error.WriteLine($"consumer check FAILED: tokens ok = {tokensOk}, entities ok = {entitiesOk}");
    return 1;
}
Console.WriteLine(FrenchEntityExtractor.CreateDefault().ModelInfo);
Console.WriteLine($"consumer check passed on .NET {Environment.Version.Major}.{Environment.Version.Minor}");
return 0;
