using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Corpora;

public sealed class RawTextAlignmentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rawtext-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Record(string text, params (string Surface, string Type)[] entities)
    {
        var spans = new List<string>();
        int from = 0;
        foreach (var (surface, type) in entities)
        {
            int start = text.IndexOf(surface, from, StringComparison.Ordinal);
            if (start < 0) throw new ArgumentException($"'{surface}' is not in the text.");
            spans.Add($$"""{"start": {{start}}, "end": {{start + surface.Length}}, "type": "{{type}}"}""");
            from = start;
        }
        return $$"""{"id": "r", "text": {{System.Text.Json.JsonSerializer.Serialize(text)}}, "entities": [{{string.Join(", ", spans)}}]}""";
    }

    private static (List<TaggedSentence> Sentences, AlignmentReport Report) Align(params string[] records)
    {
        var report = new AlignmentReport();
        var documents = JsonlReader.Read(new StringReader(string.Join('\n', records)), "test.jsonl");
        return (RawTextAlignment.ToSentences(documents, report), report);
    }

    private static string[] Names(TaggedSentence s) => s.Labels.Select(l => LabelSet.Standard.Name(l)).ToArray();

    [Fact]
    public void Character_spans_become_bio_labels_on_our_tokens()
    {
        var (sentences, report) = Align(Record("Emmanuel Macron a reçu l'OTAN à Paris.", ("Emmanuel Macron", "PER"), ("OTAN", "ORG"), ("Paris", "LOC")));

        sentences.Should().ContainSingle();
        sentences[0].Words.Should().Equal("Emmanuel", "Macron", "a", "reçu", "l'", "OTAN", "à", "Paris", ".");
        Names(sentences[0]).Should().Equal("B-PER", "I-PER", "O", "O", "O", "B-ORG", "O", "B-LOC", "O");
        report.Entities.Should().Be(3);
        report.Misaligned.Should().Be(0);
        report.Dropped.Should().Be(0);
    }

    [Fact]
    public void Adjacent_entities_of_one_type_stay_two_entities()
    {
        var (sentences, _) = Align(Record("Renault Nissan", ("Renault", "ORG"), ("Nissan", "ORG")));
        Names(sentences[0]).Should().Equal("B-ORG", "B-ORG");
    }

    [Fact]
    public void A_record_of_several_sentences_gives_one_training_sentence_per_sentence_of_our_tokenizer()
    {
        var (sentences, report) = Align(
            Record("Airbus recrute à Toulouse. Le PDG, Guillaume Faury, l'a annoncé.", ("Airbus", "ORG"), ("Toulouse", "LOC"), ("Guillaume Faury", "PER")),
            Record("Rien à signaler."));

        sentences.Select(s => string.Join(' ', s.Words)).Should().Equal(
            "Airbus recrute à Toulouse .", "Le PDG , Guillaume Faury , l' a annoncé .", "Rien à signaler .");
        Names(sentences[0]).Should().Equal("B-ORG", "O", "O", "B-LOC", "O");
        Names(sentences[1]).Should().Equal("O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O");
        Names(sentences[2]).Should().OnlyContain(n => n == "O");
        report.Documents.Should().Be(2);
        report.Sentences.Should().Be(3);
        report.AcrossSentences.Should().Be(0);
    }

    [Fact]
    public void An_entity_that_starts_or_ends_inside_a_token_labels_the_tokens_it_overlaps_and_is_counted()
    {
        // "Lyon" is the start of the token "Lyonnais"; "Orange" ends inside "Orange-Bleue".
        var (sentences, report) = Align(Record("Les Lyonnais aiment Orange-Bleue et Lille.", ("Lyon", "LOC"), ("Bleue", "ORG"), ("Lille", "LOC")));

        sentences[0].Words.Should().Equal("Les", "Lyonnais", "aiment", "Orange-Bleue", "et", "Lille", ".");
        Names(sentences[0]).Should().Equal("O", "B-LOC", "O", "B-ORG", "O", "B-LOC", "O");
        report.Entities.Should().Be(3);
        report.Misaligned.Should().Be(2);
        report.Examples.Should().Contain(e => e.Contains("\"Lyon\"", StringComparison.Ordinal) && e.Contains("\"Lyonnais\"", StringComparison.Ordinal));
        report.ToString().Should().Contain("3 entities").And.Contain("1 on token boundaries").And.Contain("2 start or end inside a token");
    }

    [Fact]
    public void An_entity_sharing_a_token_with_an_earlier_one_is_dropped_and_counted()
    {
        var (sentences, report) = Align(Record("Vive Paris-Lyon demain.", ("Paris", "LOC"), ("Lyon", "LOC")));

        Names(sentences[0]).Should().Equal("O", "B-LOC", "O", "O");
        report.Entities.Should().Be(2);
        report.Misaligned.Should().Be(1);
        report.Dropped.Should().Be(1);
    }

    [Fact]
    public void An_entity_over_a_sentence_boundary_is_split_into_one_entity_per_sentence()
    {
        var (sentences, report) = Align(Record("Il est allé à Saint-Jean. Pied-de-Port est loin.", ("Saint-Jean. Pied-de-Port", "LOC")));

        sentences.Should().HaveCount(2);
        Names(sentences[0]).Should().Equal("O", "O", "O", "O", "B-LOC", "I-LOC");
        Names(sentences[1]).Should().Equal("B-LOC", "O", "O", "O");
        report.AcrossSentences.Should().Be(1);
    }

    [Fact]
    public void Misc_and_unknown_types_are_ignored()
    {
        var (sentences, report) = Align(Record("Les Jeux olympiques de Paris en 2024.", ("Jeux olympiques de Paris", "MISC"), ("Paris", "LOC"), ("2024", "DATE")));

        Names(sentences[0]).Should().Equal("O", "O", "O", "O", "B-LOC", "O", "O", "O");
        report.Entities.Should().Be(1);
        report.Dropped.Should().Be(0);
    }

    [Fact]
    public void A_jsonl_training_source_keeps_its_options_and_logs_how_it_aligned()
    {
        string path = Path.Combine(_folder, "train.jsonl");
        File.WriteAllLines(path, [
            Record("La société Airbus a présenté ses résultats à Toulouse.", ("Airbus", "ORG"), ("Toulouse", "LOC")),
            Record("Airbus Toulouse", ("Airbus", "ORG"), ("Toulouse", "LOC")),
            Record("Le club de la ville a gagné hier soir.", ("ville", "LOC")),
        ]);
        var log = new List<string>();

        TrainingSource.Parse(path).Load(log.Add).Should().HaveCount(3);
        log.Should().ContainSingle().Which.Should().Contain("3 texts, 3 sentences, 5 entities");

        var running = TrainingSource.Parse(path + "@running").Load();
        running.Should().HaveCount(2);
        running.Select(s => s.Words[0]).Should().Equal("La", "Le");

        var cased = TrainingSource.Parse(path + "@2@running@cased").Load();
        cased.Should().ContainSingle().Which.Words[2].Should().Be("Airbus");
        TrainingSource.Parse(path + "@2@swap1").Should().Be(new TrainingSource(path, 2f, false, ReplacedCopies: 1));
    }

    [Fact]
    public void Training_reads_jsonl_files_for_training_clusters_and_names_and_scores_jsonl_dev_files_end_to_end()
    {
        string train = Path.Combine(_folder, "train.jsonl");
        File.WriteAllLines(train, Enumerable.Range(0, 6).SelectMany(_ => new[]
        {
            Record("La société Airbus recrute à Toulouse.", ("Airbus", "ORG"), ("Toulouse", "LOC")),
            Record("Marie Curie est née à Varsovie.", ("Marie Curie", "PER"), ("Varsovie", "LOC")),
        }));
        string dev = Path.Combine(_folder, "dev.jsonl");
        File.WriteAllLines(dev, [Record("La société Airbus est née à Varsovie.", ("Airbus", "ORG"), ("Varsovie", "LOC"))]);

        var devSet = DevSet.Load(dev);
        devSet.Documents.Should().ContainSingle().Which.GoldTokens.Should().BeNull("raw text is tokenized by our tokenizer when scored");

        var log = new List<string>();
        var result = ModelTrainer.Train(new TrainingPlan(
            [TrainingSource.Parse(train + "@swap1")], [dev], GazetteerSources: null, NamesFrom: [train], LexiconFile: null,
            "perceptron", new TrainingOptions { Seed = 3, Epochs = 4, MinimumFeatureCount = 1, Progress = log.Add },
            Prune: false, ClusterLevels: [2], ClusterMinimumCount: 2));

        log.Should().Contain(l => l.Contains("12 texts, 12 sentences, 24 entities", StringComparison.Ordinal));
        result.Model.Data.Clusters.Lookup(FeatureHash.LowerCase("Toulouse")).ToArray().Should().ContainSingle().Which.Should().BeGreaterThan((ushort)0);
        result.Model.Data.Lexicon.Lookup(FeatureHash.LowerCase("Varsovie")).Should().NotBe(LexiconFlags.None, "names are harvested from the JSONL file");
        DevSet.Score(result.Model, [devSet]).Mean.Should().Be(100);
    }

    [Fact]
    public void A_retokenized_conll_source_is_read_on_our_tokens_as_the_end_to_end_evaluation_sees_it()
    {
        string path = Path.Combine(_folder, "train.conll");
        File.WriteAllText(path, "Le\tO\nroi\tO\nd'Espagne\tB-LOC\narrive\tO\n.\tO\n\nMarie\tB-PER\nCurie\tI-PER\n");
        var log = new List<string>();

        var source = TrainingSource.Parse(path + "@retok");
        source.Should().Be(new TrainingSource(path, 1f, false, Retokenized: true));
        var sentences = source.Load(log.Add);

        sentences.Select(s => string.Join(' ', s.Words)).Should().Equal("Le roi d' Espagne arrive .", "Marie Curie");
        Names(sentences[0]).Should().Equal("O", "O", "B-LOC", "I-LOC", "O", "O");
        Names(sentences[1]).Should().Equal("B-PER", "I-PER");
        log.Should().ContainSingle().Which.Should().Contain("2 texts, 2 sentences, 2 entities");
        TrainingSource.Parse(path).Load().Select(s => s.Words.Length).Should().Equal(5, 2);
    }
}
