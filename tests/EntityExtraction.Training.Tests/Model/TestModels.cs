using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

/// <summary>A tiny hand-written corpus and a model trained on it, for tests that need a real trained model.</summary>
internal static class TestModels
{
    public const string Corpus = """
        Jean	B-PER
        Dupont	I-PER
        habite	O
        à	O
        Lyon	B-LOC
        .	O

        Marie	B-PER
        Martin	I-PER
        travaille	O
        chez	O
        Renault	B-ORG
        à	O
        Paris	B-LOC
        .	O

        Le	O
        groupe	O
        Michelin	B-ORG
        recrute	O
        à	O
        Clermont-Ferrand	B-LOC
        .	O

        Selon	O
        Pierre	B-PER
        Durand	I-PER
        ,	O
        la	O
        banque	O
        BNP	B-ORG
        Paribas	I-ORG
        ouvre	O
        à	O
        Marseille	B-LOC
        .	O
        """;

    public static List<TaggedSentence> Sentences() => ConllReader.Read(new StringReader(Corpus), "tiny.conll");

    public static TrainingResult Train(int seed, int epochs = 5, LabelScheme scheme = LabelScheme.Bio)
    {
        var sentences = Sentences().Select(s => (s, 1f)).ToList();
        var corpus = EncodedCorpus.Build(sentences, Lexicon.Empty, minimumCount: 1);
        var dev = new List<DevSet> { new("tiny", ConllDocuments.Build(Sentences(), "tiny")) };
        return new AveragedPerceptronTrainer(new TrainingOptions { Seed = seed, Epochs = epochs, Scheme = scheme }).Train(corpus, Lexicon.Empty, dev);
    }
}
