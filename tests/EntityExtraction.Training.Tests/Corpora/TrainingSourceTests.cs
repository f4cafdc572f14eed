using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Corpora;

public class TrainingSourceTests
{
    [Fact]
    public void Options_after_the_path_set_weight_and_running_text_filter()
    {
        TrainingSource.Parse("a/wikiann.conll@0.3@running").Should().Be(new TrainingSource("a/wikiann.conll", 0.3f, true));
        TrainingSource.Parse("b.conll").Should().Be(new TrainingSource("b.conll", 1f, false));
        TrainingSource.Parse("c.conll@cased").Should().Be(new TrainingSource("c.conll", 1f, false, CasedEntitiesOnly: true));
        TrainingSource.Parse("d.conll@swap2").Should().Be(new TrainingSource("d.conll", 1f, false, ReplacedCopies: 2));
        var act = () => TrainingSource.Parse("b.conll@heavy");
        act.Should().Throw<ArgumentException>().WithMessage("*@heavy*");
    }

    [Theory]
    [InlineData("d.conll@swap0")]
    [InlineData("d.conll@swap")]
    [InlineData("d.conll@swapx")]
    [InlineData("d.conll@swap-1")]
    public void Mention_replacement_needs_a_positive_number_of_copies(string spec)
    {
        var act = () => TrainingSource.Parse(spec);
        act.Should().Throw<ArgumentException>().WithMessage("*@swap*number of copies*");
    }

    [Theory]
    [InlineData("Il s' installa enfin à Arad , où il finit ses jours .", true)]
    [InlineData("Liste des communes de la Dordogne", false)]
    [InlineData("Luis Fernando Sepúlveda", false)]
    [InlineData("Sa capitale était Omaha .", false)]
    public void Running_text_is_a_long_enough_sentence_with_lower_case_words_and_final_punctuation(string sentence, bool expected)
    {
        var words = sentence.Split(' ');
        TrainingSource.LooksLikeRunningText(new TaggedSentence(words, new int[words.Length])).Should().Be(expected);
    }

    [Theory]
    [InlineData("Jean Dupont est un ailier", "B-PER I-PER O O O", true)]
    [InlineData("Jean Dupont est un ailier", "B-PER I-PER O O B-PER", false)]
    [InlineData("la commission de Bruxelles", "B-ORG I-ORG I-ORG I-ORG", true)]
    [InlineData("saison 2015 du club", "O B-LOC O O", false)]
    [InlineData("Lyon , gare Part-Dieu , arrière", "B-LOC O B-LOC I-LOC O B-PER", false)]
    [InlineData("aucun nom ici", "O O O", true)]
    public void Cased_filter_drops_sentences_with_an_entity_without_a_capital(string sentence, string tags, bool kept)
    {
        var words = sentence.Split(' ');
        var labels = tags.Split(' ').Select(t => t == "O" ? 0 : (t[0] == 'B' ? 1 : 2) + 2 * Array.IndexOf(["PER", "ORG", "LOC"], t[2..])).ToArray();
        TrainingSource.HasOnlyCasedEntities(new TaggedSentence(words, labels)).Should().Be(kept);
    }
}
