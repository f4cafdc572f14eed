// The consumer check's app: uses EntityExtraction exactly as a NuGet user would.
using EntityExtraction.Tokenization;

const string text = "Meta et IBM lancent l’AI Alliance avec la fondation Linux.";
var tokens = FrenchTokenizer.Default.Tokenize(text);
foreach (var token in tokens)
    Console.WriteLine($"{token.Start,3}-{token.End,-3} {token.Kind,-12} {token.GetText(text)}");

if (tokens.Count == 0 || tokens.Any(t => t.GetText(text).Trim().Length == 0))
{
    Console.Error.WriteLine("consumer check FAILED: unexpected tokens");
    return 1;
}
Console.WriteLine("consumer check passed");
return 0;
