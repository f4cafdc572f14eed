using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public class EncodedCorpusTests
{
    private static readonly TaggedSentence Sentence = new(["Jean", "Dupont", "habite", "à", "Lyon", "."], [1, 2, 0, 0, 5, 0]);

    private static readonly Lexicon KnowsDupont = new([(Lexicon.Fold(FeatureHash.LowerCase("Dupont")), LexiconFlags.HarvestedPerson)]);

    [Fact]
    public void A_sentence_can_be_described_with_its_own_lexicon()
    {
        var sentences = new List<(TaggedSentence, float)> { (Sentence, 1f), (Sentence, 1f) };

        // Cross-fold harvesting: the second copy must not see the name harvested from its own annotation.
        var corpus = EncodedCorpus.Build(sentences, KnowsDupont, minimumCount: 1, sentenceLexicons: [null, Lexicon.Empty]);

        var withFlag = Features(corpus, 0);
        var withoutFlag = Features(corpus, 1);
        withFlag.Should().NotEqual(withoutFlag);
        withoutFlag.Should().BeSubsetOf(withFlag, "the lexicon only adds flag features");
    }

    [Fact]
    public void Without_sentence_lexicons_every_sentence_uses_the_model_lexicon()
    {
        var sentences = new List<(TaggedSentence, float)> { (Sentence, 1f), (Sentence, 1f) };
        var corpus = EncodedCorpus.Build(sentences, KnowsDupont, minimumCount: 1);
        Features(corpus, 0).Should().Equal(Features(corpus, 1));
    }

    [Fact]
    public void Sentence_lexicons_must_match_the_sentences_one_to_one()
    {
        var sentences = new List<(TaggedSentence, float)> { (Sentence, 1f), (Sentence, 1f) };
        var act = () => EncodedCorpus.Build(sentences, KnowsDupont, minimumCount: 1, sentenceLexicons: [null]);
        act.Should().Throw<ArgumentException>().WithMessage("1 sentence lexicons for 2 sentences*");
    }

    private static int[] Features(EncodedCorpus corpus, int sentence) => corpus.Sentences[sentence].Features;
}
