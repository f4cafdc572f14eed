using EntityExtraction;
using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Tests.Pseudonymization;

/// <summary>The README's "Pseudonymisation" snippet is the code of this test, line for line: it compiles and runs.</summary>
public sealed class ReadmePseudonymizationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pseudonymization-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_snippet_runs()
    {
        string path = Path.Combine(_folder, "map.json");

        // README, Pseudonymisation: begin
        var extractor = FrenchEntityExtractor.CreateDefault();
        var result = extractor.Pseudonymize("M. Jean Dupont a écrit à Mme Leroy. Dupont attend sa réponse.", PseudonymizationOptions.Default);
        Console.WriteLine(result.Text);   // M. [PER_1] a écrit à Mme [PER_2]. [PER_1.2] attend sa réponse.
        // Surrogates, a saved map, and the original back:
        var options = new PseudonymizationOptions
        {
            Operators = new Dictionary<EntityType, PseudonymizationOperator> { [EntityType.Person] = PseudonymizationOperator.Surrogate },
            Map = new PseudonymMap(),
        };
        var first = extractor.Pseudonymize("Jean Dupont a écrit à Émilie Durand.", options);   // "Stevie Picard a écrit à Agrippine Fréchet."
        File.WriteAllText(path, first.Map.ToJson());
        Console.WriteLine(PseudonymMap.FromJson(File.ReadAllText(path)).Restore(first.Text));   // the original
        // README, Pseudonymisation: end

        result.Text.Should().Be("M. [PER_1] a écrit à Mme [PER_2]. [PER_1.2] attend sa réponse.");
        first.Text.Should().Be("Stevie Picard a écrit à Agrippine Fréchet.", "masculine for Jean, feminine and vowel-initial for Émilie");
        using var saved = File.OpenRead(path);
        PseudonymMap.Load(saved).Restore(first.Text).Should().Be("Jean Dupont a écrit à Émilie Durand.");
    }

    [Fact]
    public void The_readme_shows_the_snippet_as_it_is_here() =>
        ReadmeSnippets.ShouldShow("## Pseudonymisation", "Pseudonymisation", Path.Combine("tests", "EntityExtraction.Tests", "Pseudonymization", "ReadmePseudonymizationTests.cs"));
}
