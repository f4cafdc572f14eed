using EntityExtraction.Model;

namespace EntityExtraction.Training.Tests.Model;

/// <summary>
/// The alternative model trained without share-alike sources (src/EntityExtraction.Training/Models): it loads with
/// this version, its recorded training data hold neither WikiANN (Wikipedia text, CC BY-SA) nor Sequoia (LGPL-LR),
/// and it finds the seed article's reference names.
/// </summary>
public class PermissiveModelTests
{
    private static string FindInRepository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(Path.Combine(parts) + " not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void It_is_trained_without_share_alike_sources_and_finds_the_reference_names()
    {
        string path = FindInRepository("src", "EntityExtraction.Training", "Models", "permissive.nermodel");
        using var stream = File.OpenRead(path);
        var model = NerModel.Load(stream);

        model.Info.FeatureSchemaVersion.Should().Be(FeatureSchema.Version);
        model.Info.TrainingData.Should().NotContain(d => d.Contains("wikiann", StringComparison.OrdinalIgnoreCase) || d.Contains("sequoia", StringComparison.OrdinalIgnoreCase));
        model.Info.DataLicence.Should().NotContain("LGPL").And.NotContain("WikiANN");

        var extractor = FrenchEntityExtractor.CreateBuilder().UseModel(model).Build();
        var entities = extractor.Extract(File.ReadAllText(FindInRepository("seeds", "ai-alliance-article.txt")));
        foreach (var (name, type) in new[] { ("Meta", EntityType.Organization), ("IBM", EntityType.Organization), ("CERN", EntityType.Organization), ("Hugging Face", EntityType.Organization), ("Sylvain Rolland", EntityType.Person) })
            entities.Should().Contain(e => e.Text == name && e.Type == type, "the article names {0} as {1}", name, type);
    }
}
