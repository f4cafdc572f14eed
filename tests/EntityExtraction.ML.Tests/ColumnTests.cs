using Microsoft.ML;
using Microsoft.ML.Data;

namespace EntityExtraction.ML.Tests;

/// <summary>What the columns hold, row by row.</summary>
public sealed class ColumnTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    private List<EntityRow> Transform(params string?[] texts)
    {
        var data = _mlContext.Data.LoadFromEnumerable(texts.Select(t => new Sentence { Text = t }));
        var transformer = _mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text").Fit(data);
        return EntityRow.Read(_mlContext, transformer, data);
    }

    [Fact]
    public void A_known_sentence_gives_its_organisations_and_its_person()
    {
        var row = Transform(Sentences.AiAlliance).Single();

        row.Texts.Zip(row.Types).Should().Contain([("Meta", "ORG"), ("IBM", "ORG"), ("Sylvain Rolland", "PER")]);
        row.Entities.Should().Contain(["ORG:Meta", "ORG:IBM", "PER:Sylvain Rolland"]);
        row.Counts.Should().HaveCount(FrenchEntityColumnNames.CountsLength);
        row.Counts[0].Should().Be(1, "one person");
        row.Counts[1].Should().Be(row.Types.Count(t => t == "ORG")).And.BeGreaterThanOrEqualTo(2);
        row.Counts[2].Should().Be(0, "no place");
    }

    [Fact]
    public void The_columns_are_the_default_extractor_s_entities_in_text_order()
    {
        string text = "La fondation Linux et la Nasa rejoignent l'alliance. Sylvain Rolland était à Tokyo, puis à Paris avec Sylvain Rolland.";
        var row = Transform(text).Single();
        var expected = FrenchEntityExtractor.CreateDefault().Extract(text);

        row.Texts.Should().Equal(expected.Select(e => e.Text));
        row.Types.Should().Equal(expected.Select(e => e.Type.ToCode()));
        row.Entities.Should().Equal(expected.Select(e => $"{e.Type.ToCode()}:{e.CanonicalName ?? e.Text}"));
        row.Entities.Should().Contain("ORG:Linux Foundation", "the token is the gazetteer's canonical name when it has one")
            .And.Contain("LOC:Tokyo");
        row.Counts.Should().Equal(
            expected.Count(e => e.Type == EntityType.Person),
            expected.Count(e => e.Type == EntityType.Organization),
            expected.Count(e => e.Type == EntityType.Location));
    }

    [Fact]
    public void The_bag_counts_each_token_in_its_bucket()
    {
        string text = "Sylvain Rolland était à Tokyo, puis à Paris avec Sylvain Rolland.";
        var row = Transform(text).Single();

        row.Bag.Length.Should().Be(FrenchEntityColumnNames.BagLength);
        var bag = row.Bag.DenseValues().ToArray();
        bag.Sum().Should().Be(row.Entities.Length);
        row.Entities.Count(t => t == "PER:Sylvain Rolland").Should().Be(2);
        bag[EntityBag.Bucket("PER:Sylvain Rolland")].Should().BeGreaterThanOrEqualTo(2);
        bag[EntityBag.Bucket("LOC:Tokyo")].Should().BeGreaterThanOrEqualTo(1);
        row.Bag.GetValues().Length.Should().BeLessThan(bag.Length / 100, "the bag is sparse");
    }

    [Fact]
    public void The_bag_s_hash_never_changes_for_saved_models_depend_on_it()
    {
        // FNV-1a, 32 bits, of the lower-cased token, modulo 4,096: pinned, since a trained model's weights are indexed by it.
        EntityBag.Bucket("").Should().Be((int)(2166136261u % 4096));
        EntityBag.Bucket("org:ibm").Should().Be(EntityBag.Bucket("ORG:IBM"), "tokens are lower-cased");
        EntityBag.Bucket("ORG:IBM").Should().Be(Fnv("org:ibm"));
        EntityBag.Bucket("PER:Élisabeth Borne").Should().Be(Fnv("per:élisabeth borne"));
        EntityBag.Bucket("ORG:IBM").Should().NotBe(EntityBag.Bucket("LOC:IBM"));

        static int Fnv(string s)
        {
            uint h = 2166136261;
            foreach (char c in s)
                h = unchecked((h ^ c) * 16777619);
            return (int)(h % 4096);
        }
    }

    [Fact]
    public void Empty_and_null_texts_have_no_entities()
    {
        var rows = Transform("", null, "   ", "il pleut");

        rows.Should().HaveCount(4);
        rows.Should().AllSatisfy(row =>
        {
            row.Entities.Should().BeEmpty();
            row.Texts.Should().BeEmpty();
            row.Types.Should().BeEmpty();
            row.Counts.Should().Equal(0f, 0f, 0f);
            row.Bag.Length.Should().Be(FrenchEntityColumnNames.BagLength);
            row.Bag.GetValues().ToArray().Should().BeEmpty();
        });
    }

    [Fact]
    public void The_output_column_defaults_to_the_input_column_and_the_columns_are_named_after_it()
    {
        var data = _mlContext.Data.LoadFromEnumerable(new[] { new Sentence { Text = Sentences.AiAlliance } });
        var estimator = _mlContext.Transforms.Text.ExtractFrenchEntities("Text");

        estimator.InputColumnName.Should().Be("Text");
        estimator.Columns.Should().BeEquivalentTo(new { Entities = "Text", Texts = "Text.Texts", Types = "Text.Types", Counts = "Text.Counts", Bag = "Text.Bag" });
        var schema = estimator.Fit(data).Transform(data).Schema;
        schema["Text"].Type.ToString().Should().Be("Vector<String>", "the output replaces the text");
        schema["Text.Counts"].Type.ToString().Should().Be("Vector<Single, 3>");
        schema["Text.Bag"].Type.ToString().Should().Be("Vector<Single, 4096>");
        schema.Select(c => c.Name).Should().NotContain(n => n.StartsWith("EntityExtraction.ML#", StringComparison.Ordinal), "working columns are dropped");
    }

    [Fact]
    public void The_entity_tokens_feed_a_learned_vocabulary_and_the_numbers_feed_a_feature_vector()
    {
        var data = _mlContext.Data.LoadFromEnumerable(Sentences.Training);
        var pipeline = _mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text")
            .Append(_mlContext.Transforms.Conversion.MapValueToKey("EntityKeys", "Entities"))
            .Append(_mlContext.Transforms.Text.ProduceNgrams("EntityNgrams", "EntityKeys", ngramLength: 1))
            .Append(_mlContext.Transforms.Concatenate("Features", "EntityNgrams", "Entities.Counts", "Entities.Bag"));

        var transformed = pipeline.Fit(data).Transform(data);

        var features = transformed.GetColumn<float[]>("Features").ToList();
        features.Should().HaveCount(Sentences.Training.Length);
        int vocabulary = features[0].Length - FrenchEntityColumnNames.CountsLength - FrenchEntityColumnNames.BagLength;
        vocabulary.Should().BeGreaterThan(10, "each distinct entity token is a slot");
        features.Should().AllSatisfy(f => f.Sum().Should().BeGreaterThan(0, "every training sentence names something"));
    }
}
