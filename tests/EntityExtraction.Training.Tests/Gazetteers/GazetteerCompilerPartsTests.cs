using EntityExtraction.Gazetteers;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Gazetteers;

namespace EntityExtraction.Training.Tests.Gazetteers;

public sealed class GazetteerCompilerPartsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gazetteer-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteConll(string name, params string[] sentences)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\n\n", sentences) + "\n");
        return path;
    }

    private static string Sentence(params (string Token, string Tag)[] tokens) => string.Join("\n", tokens.Select(t => $"{t.Token}\t{t.Tag}"));

    [Fact]
    public void Harvester_keeps_names_seen_twice_with_a_clear_majority_type()
    {
        var macron = Sentence(("Emmanuel", "B-PER"), ("Macron", "I-PER"), ("parle", "O"));
        var orange = Sentence(("chez", "O"), ("Orange", "B-ORG"));
        var once = Sentence(("à", "O"), ("Quimperlé", "B-LOC"));
        var mixed1 = Sentence(("Jordan", "B-PER"));
        var mixed2 = Sentence(("Jordan", "B-LOC"));
        var harvester = new CorpusNameHarvester();
        harvester.AddCorpus(WriteConll("a.conll", macron, macron, orange, orange, once, mixed1, mixed2), noisy: false);

        var names = harvester.Harvest(new HashSet<string> { "orange", "parle", "chez" });

        names.Select(e => (e.Name, e.Type)).Should().Equal(("Emmanuel Macron", EntityType.Person));
    }

    [Fact]
    public void Harvester_needs_three_occurrences_in_a_noisy_corpus()
    {
        var nantes = Sentence(("Nantes", "B-LOC"));
        var twice = new CorpusNameHarvester();
        twice.AddCorpus(WriteConll("wikiann.conll", nantes, nantes), noisy: true);
        var thrice = new CorpusNameHarvester();
        thrice.AddCorpus(WriteConll("wikiann3.conll", nantes, nantes, nantes), noisy: true);

        twice.Harvest(new HashSet<string>()).Should().BeEmpty();
        thrice.Harvest(new HashSet<string>()).Select(e => e.Name).Should().Equal("Nantes");
    }

    [Fact]
    public void Harvester_drops_one_word_names_that_are_mostly_not_annotated()
    {
        var tagged = Sentence(("Marseille", "B-LOC"));
        var untagged = Sentence(("Marseille", "O"));
        var harvester = new CorpusNameHarvester();
        harvester.AddCorpus(WriteConll("b.conll", tagged, tagged, untagged, untagged, untagged), noisy: false);

        harvester.Harvest(new HashSet<string>()).Should().BeEmpty();
    }

    [Fact]
    public void Harvester_reads_raw_text_documents_through_our_tokenizer()
    {
        static AnnotatedDocument Document(string text, params (string Name, EntityType Type)[] names) =>
            new("d", text, [.. names.Select(n => new EntitySpan(text.IndexOf(n.Name, StringComparison.Ordinal), text.IndexOf(n.Name, StringComparison.Ordinal) + n.Name.Length, n.Type))], null);

        var harvester = new CorpusNameHarvester();
        harvester.AddDocuments([
            Document("La Côte d'Ivoire et la Banque de France signent.", ("Côte d'Ivoire", EntityType.Location), ("Banque de France", EntityType.Organization)),
            Document("La Banque de France prête à la Côte d'Ivoire.", ("Banque de France", EntityType.Organization), ("Côte d'Ivoire", EntityType.Location)),
            Document("Marseille gagne.", ("Marseille", EntityType.Organization)),
            Document("À Marseille, il pleut.", ("Marseille", EntityType.Location)),
            Document("Marseille, Marseille et Marseille.")], noisy: false);

        harvester.Harvest(new HashSet<string>()).Select(e => (e.Name, e.Type)).Should().BeEquivalentTo(
            [("Côte d'Ivoire", EntityType.Location), ("Banque de France", EntityType.Organization)],
            "Marseille has no majority type and is mostly not annotated");
        harvester.TokensOutsideNames.Should().Contain(["signent", "Marseille", "prête"]).And.NotContain(["Banque", "Ivoire"]);
    }

    [Theory]
    [InlineData(new[] { "Côte", "d'", "Ivoire" }, "Côte d'Ivoire")]
    [InlineData(new[] { "Saint", "-", "Étienne" }, "Saint-Étienne")]
    [InlineData(new[] { "Banque", "de", "France" }, "Banque de France")]
    public void Corpus_tokens_are_joined_as_written(string[] tokens, string expected)
    {
        CorpusNameHarvester.JoinTokens(tokens).Should().Be(expected);
    }

    [Fact]
    public void Leading_article_of_a_place_becomes_an_alias_unless_the_bare_name_is_ambiguous()
    {
        var havre = AdministrativeSources.WithoutLeadingArticle(new GazetteerEntry("Le Havre", EntityType.Location), _ => false);
        var francois = AdministrativeSources.WithoutLeadingArticle(new GazetteerEntry("Le François", EntityType.Location), name => name == "François");

        havre.Aliases.Should().Equal("Havre");
        francois.Aliases.Should().BeEmpty();
        Gazetteer.Create([havre], new HashSet<string>()).FindMatches("Il arrive au Havre.").Should().ContainSingle()
            .Which.CanonicalName.Should().Be("Le Havre");
    }

    [Fact]
    public void Evaluation_scores_exact_span_and_type_on_gold_tokens()
    {
        string path = WriteConll("dev.conll",
            Sentence(("Il", "O"), ("vit", "O"), ("à", "O"), ("Paris", "B-LOC"), ("avec", "O"), ("Lyon", "B-ORG")),
            Sentence(("La", "O"), ("ville", "O"), ("de", "O"), ("Nantes", "B-LOC")));
        var gazetteer = Gazetteer.Create([new GazetteerEntry("Paris", EntityType.Location), new GazetteerEntry("Lyon", EntityType.Location)], new HashSet<string>());

        var score = GazetteerEvaluation.OnConll(gazetteer, path);

        score.Gold.Should().Be(3);
        score.Hits.Should().Be(2);
        score.Correct.Should().Be(1);
        score.Precision.Should().Be(0.5);
        score.Recall.Should().BeApproximately(1 / 3.0, 1e-9);
    }
}
