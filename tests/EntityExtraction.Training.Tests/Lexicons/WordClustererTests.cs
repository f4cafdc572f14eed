using EntityExtraction.Training.Lexicons;

namespace EntityExtraction.Training.Tests.Lexicons;

public class WordClustererTests
{
    private static readonly string[] Determiners = ["le", "un", "ce"];
    private static readonly string[] Nouns = ["chat", "chien", "rat"];
    private static readonly string[] Verbs = ["dort", "mange", "court"];

    /// <summary>Every "determiner noun verb" sentence once: words of a group have exactly the same neighbours.</summary>
    private static List<IReadOnlyList<string>> ThreeWordSentences()
        => [.. from d in Determiners from n in Nouns from v in Verbs select (IReadOnlyList<string>)[d, n, v]];

    [Fact]
    public void Words_with_identical_contexts_share_a_class_and_the_groups_get_different_classes()
    {
        var clustering = WordClusterer.Cluster(ThreeWordSentences(), classes: 3, minimumCount: 1);

        int Class(string word) => clustering.ClassOfWord(word) ?? throw new InvalidOperationException($"{word} not clustered");
        // Frequency-rank initialisation spreads each group over all three classes (all counts tie, so by spelling:
        // ce chat chien court dort le mange rat un → 0 1 2 0 1 2 0 1 2); the exchange has to regroup them.
        Determiners.Select(Class).Distinct().Should().ContainSingle();
        Nouns.Select(Class).Distinct().Should().ContainSingle();
        Verbs.Select(Class).Distinct().Should().ContainSingle();
        new[] { Class("le"), Class("chat"), Class("dort") }.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Case_is_ignored()
    {
        var sentences = ThreeWordSentences();
        sentences.Add(["Le", "CHAT", "Dort"]);
        var clustering = WordClusterer.Cluster(sentences, classes: 3, minimumCount: 1);

        clustering.Vocabulary.Should().HaveCount(9);
        clustering.ClassOfWord("CHIEN").Should().BeInRange(0, 2).And.Be(clustering.ClassOfWord("chat"));
    }

    [Fact]
    public void Words_below_the_minimum_count_get_no_class()
    {
        var sentences = ThreeWordSentences();
        sentences.Add(["le", "ornithorynque", "dort"]);
        var clustering = WordClusterer.Cluster(sentences, classes: 3, minimumCount: 2);

        clustering.ClassOfWord("ornithorynque").Should().BeNull();
        clustering.Vocabulary.Should().HaveCount(9, "the nine words seen at least twice are clustered, the rare one is not");
        clustering.ClassOfWord("chat").Should().BeInRange(0, 2, "a clustered word has one of the three learned classes")
            .And.Be(clustering.ClassOfWord("chien"));
    }

    [Fact]
    public void The_same_input_gives_the_same_classes()
    {
        var random = new Random(7);
        string[] words = [.. Determiners, .. Nouns, .. Verbs, "et", "de", "la", "à", "paris", "lyon", "hier"];
        var sentences = Enumerable.Range(0, 300)
            .Select(_ => (IReadOnlyList<string>)Enumerable.Range(0, random.Next(3, 12)).Select(_ => words[random.Next(words.Length)]).ToArray())
            .ToList();

        var first = WordClusterer.Cluster(sentences, classes: 4, minimumCount: 1);
        var second = WordClusterer.Cluster(sentences, classes: 4, minimumCount: 1);

        second.ClassOf.Should().Equal(first.ClassOf);
        second.Vocabulary.Should().Equal(first.Vocabulary);
        first.ClassOf.Values.Should().OnlyContain(c => c >= 0 && c < 4);
    }

    [Fact]
    public void Fewer_than_two_classes_is_refused()
    {
        var act = () => WordClusterer.Cluster(ThreeWordSentences(), classes: 1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("classes");
    }
}
