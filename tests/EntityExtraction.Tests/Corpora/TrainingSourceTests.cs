using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Tests.Corpora;

public class TrainingSourceTests
{
    [Fact]
    public void Options_after_the_path_set_weight_and_running_text_filter()
    {
        TrainingSource.Parse("a/wikiann.conll@0.3@running").Should().Be(new TrainingSource("a/wikiann.conll", 0.3f, true));
        TrainingSource.Parse("b.conll").Should().Be(new TrainingSource("b.conll", 1f, false));
        var act = () => TrainingSource.Parse("b.conll@heavy");
        act.Should().Throw<ArgumentException>().WithMessage("*@heavy*");
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
}
