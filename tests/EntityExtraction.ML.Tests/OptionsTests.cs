using EntityExtraction.Tests;
using Microsoft.ML;

namespace EntityExtraction.ML.Tests;

/// <summary>The options reach the extractor: the columns are those of an extractor built with the same settings.</summary>
public sealed class OptionsTests
{
    private static readonly string Article = File.ReadAllText(Path.Combine(ReadmeSnippets.RepositoryRoot(), "seeds", "ai-alliance-article.txt"));

    private readonly MLContext _mlContext = new(seed: 1);

    private EntityRow Transform(ExtractFrenchEntitiesOptions options)
    {
        var data = _mlContext.Data.LoadFromEnumerable(new[] { new Sentence { Text = Article } });
        var transformer = _mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text", options).Fit(data);
        return EntityRow.Read(_mlContext, transformer, data).Single();
    }

    private static void ShouldMatch(EntityRow row, IReadOnlyList<Entity> expected)
    {
        row.Texts.Should().Equal(expected.Select(e => e.Text));
        row.Types.Should().Equal(expected.Select(e => e.Type.ToCode()));
    }

    [Fact]
    public void Entity_types_keep_only_those_types()
    {
        var row = Transform(new ExtractFrenchEntitiesOptions { EntityTypes = [EntityType.Person, EntityType.Location] });

        ShouldMatch(row, FrenchEntityExtractor.CreateBuilder().WithEntityTypes(EntityType.Person, EntityType.Location).Build().Extract(Article));
        row.Types.Should().Contain("PER").And.Contain("LOC").And.NotContain("ORG");
        row.Counts[1].Should().Be(0);
        row.Texts.Should().Contain(["Sylvain Rolland", "Tokyo"]);
    }

    [Fact]
    public void A_minimum_confidence_drops_the_less_confident_entities()
    {
        var all = FrenchEntityExtractor.CreateDefault().Extract(Article);
        float threshold = all.Select(e => e.Confidence).Order().ElementAt(all.Count / 2);

        var row = Transform(new ExtractFrenchEntitiesOptions { MinimumConfidence = threshold });

        var expected = all.Where(e => e.Confidence >= threshold).ToList();
        expected.Count.Should().BeLessThan(all.Count, "the threshold leaves some out");
        ShouldMatch(row, expected);
    }

    [Fact]
    public void Without_the_gazetteer_the_model_works_alone()
    {
        var byDefault = FrenchEntityExtractor.CreateDefault().Extract(Article);
        byDefault.Should().Contain(e => e.Source == EntitySource.Gazetteer, "the article has a name only the gazetteer finds");

        var row = Transform(new ExtractFrenchEntitiesOptions { UseGazetteer = false });

        var modelAlone = FrenchEntityExtractor.CreateBuilder().UseGazetteer(false).Build().Extract(Article);
        ShouldMatch(row, modelAlone);
        row.Texts.Should().NotEqual(byDefault.Select(e => e.Text));
    }
}
