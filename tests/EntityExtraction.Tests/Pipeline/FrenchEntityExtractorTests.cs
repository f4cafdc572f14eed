using EntityExtraction.Gazetteers;

namespace EntityExtraction.Tests.Pipeline;

public class FrenchEntityExtractorTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    private static readonly string[] Sentences =
    [
        "Emmanuel Macron a reçu le chancelier allemand à l'Élysée mardi.",
        "Le siège de Renault se trouve à Boulogne-Billancourt, près de Paris.",
        "Selon l'Insee, le chômage a baissé en Bretagne et en Occitanie.",
        "La ministre a rencontré les dirigeants de TotalEnergies et d'Airbus à Toulouse.",
        "Marie Curie a reçu le prix Nobel de chimie en 1911.",
        "Le Conseil constitutionnel a validé la loi le 14 avril.",
        "Il pleut sur Lyon et Marseille depuis trois jours.",
        "Google et Microsoft investissent dans l'intelligence artificielle.",
    ];

    [Fact]
    public void CreateDefault_returns_one_shared_instance_with_the_gazetteer_on()
    {
        FrenchEntityExtractor.CreateDefault().Should().BeSameAs(Extractor);
        Extractor.UsesGazetteer.Should().BeTrue();
        Extractor.EntityTypes.Should().BeEquivalentTo([EntityType.Person, EntityType.Organization, EntityType.Location]);
    }

    [Fact]
    public void The_default_gazetteer_can_be_left_out_while_the_callers_own_still_applies()
    {
        string text = File.ReadAllText(SeedArticleTests.FindSeedArticle()) + "\n\nLe contrat de Zorglub SA est signé.";
        var custom = new EntityExtraction.Gazetteers.GazetteerEntry("Zorglub SA", EntityType.Organization, "Zorglub");

        var withDefault = FrenchEntityExtractor.CreateBuilder().AddGazetteerEntries([custom]).Build().Extract(text);
        var callerOnly = FrenchEntityExtractor.CreateBuilder().UseDefaultGazetteer(false).AddGazetteerEntries([custom]).Build().Extract(text);
        var modelOnly = FrenchEntityExtractor.CreateBuilder().UseGazetteer(false).AddGazetteerEntries([custom]).Build().Extract(text);

        // A canonical name is only ever lent by a gazetteer entry.
        withDefault.Where(e => e.CanonicalName is not null).Select(e => e.CanonicalName).Should().Contain(["Zorglub", "Linux Foundation"]);
        callerOnly.Where(e => e.CanonicalName is not null).Select(e => e.CanonicalName).Distinct().Should().Equal("Zorglub");
        modelOnly.Should().NotContain(e => e.CanonicalName != null || e.Source == EntitySource.Gazetteer, "UseGazetteer(false) leaves out every gazetteer");
    }

    [Fact]
    public void Null_text_throws_ArgumentNullException()
    {
        var act = () => Extractor.Extract(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("text");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\t \u00A0\u202F")]
    public void Empty_or_whitespace_text_has_no_entities(string text)
    {
        Extractor.Extract(text).Should().BeEmpty();
    }

    [Fact]
    public void Obvious_entities_are_found_with_exact_offsets()
    {
        const string text = "Anne Hidalgo, maire de Paris, a signé un accord avec la SNCF et Airbus.";
        var entities = Extractor.Extract(text);

        entities.Should().Contain(e => e.Text == "Anne Hidalgo" && e.Type == EntityType.Person && e.Start == 0 && e.Length == 12);
        entities.Should().Contain(e => e.Text == "Paris" && e.Type == EntityType.Location && e.Start == 23);
        entities.Should().Contain(e => e.Text == "SNCF" && e.Type == EntityType.Organization && e.Start == 56);
    }

    [Fact]
    public void Entities_are_in_text_order_non_overlapping_and_match_their_offsets()
    {
        // Astral characters, NFD accents and no-break spaces before names shift UTF-16 offsets.
        string text = "🙂 Le pre\u0301sident e\u0301tait a\u0300 Bruxelles.\u00A0« Google » et la Nasa l'ont confirmé.\n\n" + string.Join(" ", Sentences);
        var entities = Extractor.Extract(text);

        entities.Should().NotBeEmpty();
        for (int i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            e.Text.Should().Be(text.Substring(e.Start, e.Length));
            e.End.Should().Be(e.Start + e.Length);
            e.Confidence.Should().BeInRange(0f, 1f);
            if (i > 0)
                e.Start.Should().BeGreaterThanOrEqualTo(entities[i - 1].End);
        }
    }

    [Fact]
    public void Huge_input_is_processed_in_full()
    {
        string text = string.Join(" ", Enumerable.Repeat(string.Join(" ", Sentences), 400)); // ~210,000 characters
        var entities = Extractor.Extract(text);

        var once = Extractor.Extract(string.Join(" ", Sentences));
        entities.Should().HaveCount(once.Count * 400);
        entities[^1].End.Should().BeLessThanOrEqualTo(text.Length);
    }

    [Fact]
    public void A_cancelled_token_stops_extraction()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var single = () => Extractor.Extract(string.Join(" ", Sentences), cancellation.Token);
        var many = () => Extractor.ExtractMany(Sentences, cancellation.Token);

        single.Should().Throw<OperationCanceledException>();
        many.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void ExtractMany_keeps_input_order_and_equals_Extract()
    {
        var documents = Enumerable.Range(0, 200).Select(i => Sentences[i % Sentences.Length] + $" Document {i}.").ToList();

        var results = Extractor.ExtractMany(documents);

        results.Should().HaveCount(documents.Count);
        for (int i = 0; i < documents.Count; i++)
            results[i].Should().Equal(Extractor.Extract(documents[i]), "document {0}", i);
    }

    [Fact]
    public void ExtractMany_rejects_null_arguments_with_the_index()
    {
        var nullSequence = () => Extractor.ExtractMany(null!);
        var nullDocument = () => Extractor.ExtractMany(["Paris.", null!, "Lyon."]);

        nullSequence.Should().Throw<ArgumentNullException>();
        nullDocument.Should().Throw<ArgumentException>().WithMessage("*Document 1*");
    }

    [Fact]
    public void Parallel_extraction_of_1000_documents_equals_sequential_extraction()
    {
        var documents = Enumerable.Range(0, 1000).Select(i => Sentences[i % Sentences.Length] + " " + Sentences[(i * 7 + 3) % Sentences.Length]).ToArray();
        var sequential = documents.Select(d => Extractor.Extract(d)).ToArray();
        var parallel = new IReadOnlyList<Entity>[documents.Length];

        Parallel.For(0, documents.Length, i => parallel[i] = Extractor.Extract(documents[i]));

        for (int i = 0; i < documents.Length; i++)
            parallel[i].Should().Equal(sequential[i], "document {0}", i);
    }

    [Fact]
    public void Entity_type_filter_keeps_only_the_requested_types()
    {
        var placesOnly = FrenchEntityExtractor.CreateBuilder().WithEntityTypes(EntityType.Location).Build();
        string text = string.Join(" ", Sentences);

        var entities = placesOnly.Extract(text);

        entities.Should().NotBeEmpty().And.OnlyContain(e => e.Type == EntityType.Location);
        entities.Should().Equal(Extractor.Extract(text).Where(e => e.Type == EntityType.Location));
    }

    [Fact]
    public void Minimum_confidence_drops_less_confident_entities()
    {
        string text = string.Join(" ", Sentences);
        var all = Extractor.Extract(text);
        float median = all.Select(e => e.Confidence).Order().ElementAt(all.Count / 2);

        var confident = FrenchEntityExtractor.CreateBuilder().WithMinimumConfidence(median).Build().Extract(text);

        confident.Should().Equal(all.Where(e => e.Confidence >= median));
    }

    [Fact]
    public void Builder_rejects_invalid_settings()
    {
        var builder = FrenchEntityExtractor.CreateBuilder();

        builder.Invoking(b => b.WithMinimumConfidence(1.5f)).Should().Throw<ArgumentOutOfRangeException>();
        builder.Invoking(b => b.WithMinimumConfidence(float.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        builder.Invoking(b => b.WithEntityTypes()).Should().Throw<ArgumentException>();
        builder.Invoking(b => b.WithEntityTypes((EntityType)42)).Should().Throw<ArgumentException>();
        builder.Invoking(b => b.UseModel((Stream)null!)).Should().Throw<ArgumentNullException>();
        builder.Invoking(b => b.UseModelFile("/no/such/model.bin")).Should().Throw<FileNotFoundException>();
        builder.Invoking(b => b.AddGazetteerFile("/no/such/gazetteer.tsv")).Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Custom_gazetteer_entries_are_found_as_gazetteer_entities_with_their_canonical_name()
    {
        // A made-up company the model cannot know, written in lower case so only the gazetteer can find it.
        var extractor = FrenchEntityExtractor.CreateBuilder()
            .AddGazetteerEntries([new GazetteerEntry("zorglub industries", EntityType.Organization, "Zorglub Industries SA", ["ZGB"], GazetteerMatchMode.IgnoreCase)])
            .Build();

        var entities = extractor.Extract("Les salariés de zorglub industries sont en grève.");

        entities.Should().ContainSingle(e => e.Text == "zorglub industries").Which.Should().BeEquivalentTo(new
        {
            Type = EntityType.Organization,
            Start = 16,
            Source = EntitySource.Gazetteer,
            CanonicalName = "Zorglub Industries SA",
        });
    }

    [Fact]
    public void Gazetteer_can_be_turned_off()
    {
        var modelOnly = FrenchEntityExtractor.CreateBuilder().UseGazetteer(false).Build();
        string text = string.Join(" ", Sentences);

        modelOnly.UsesGazetteer.Should().BeFalse();
        modelOnly.Extract(text).Should().OnlyContain(e => e.Source == EntitySource.Model);
    }
}
