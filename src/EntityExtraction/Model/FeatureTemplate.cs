namespace EntityExtraction.Model;

/// <summary>
/// The feature templates of <see cref="FeatureExtractor"/>. The numeric value of a template is hashed into every
/// feature it produces, so it is part of what a trained model's weights mean: a value must never change or be reused
/// (a test freezes this list); a new template takes a new value and bumps <see cref="FeatureSchema.Version"/>.
/// "Previous" and "next" are the neighbouring tokens in the sentence; "run" is the token's run of capitalised words.
/// </summary>
internal enum FeatureTemplate
{
    /// <summary>Not a feature: the salt that finishes a word shape's hash (<see cref="TokenAttributes.Shape"/>).</summary>
    ShapeValue = 0,

    /// <summary>Always on: the label prior.</summary>
    Bias = 1,
    Word = 2,
    PreviousWord = 3,
    NextWord = 4,
    SecondPreviousWord = 5,
    SecondNextWord = 6,
    Shape = 7,
    PreviousShape = 8,
    NextShape = 9,
    PreviousAndCurrentShape = 10,
    CurrentAndNextShape = 11,
    PreviousAndCurrentWord = 12,
    CurrentAndNextWord = 13,
    Prefix3 = 14,
    Suffix2 = 15,
    Suffix3 = 16,
    Suffix4 = 17,

    /// <summary>The case class with the sentence-initial position, the main French ambiguity.</summary>
    CaseAndPosition = 18,

    /// <summary>The case class with the sentence-initial position and whether the word is a common word.</summary>
    CaseAndCommonWord = 19,
    CaseWindow = 20,
    PreviousWordAndCase = 21,
    CaseAndNextWord = 22,
    PositionAndWord = 23,
    TwoPreviousWords = 24,
    TwoNextWords = 25,

    /// <summary>The length of the capitalised run (capped at 4) and the token's place in it.</summary>
    RunShape = 26,
    WordBeforeRun = 27,
    WordAfterRun = 28,

    /// <summary>One feature per lexicon flag of the word, with its case class.</summary>
    LexiconFlag = 30,
    PreviousLexiconFlag = 31,
    NextLexiconFlag = 32,

    /// <summary>One feature per orthographic flag, with the case class.</summary>
    OrthographyFlag = 33,
    Cluster = 34,
    ClusterAndCase = 35,
    PreviousCluster = 36,
    NextCluster = 37,
    FineCluster = 38,
    FineClusterAndCase = 39,

    /// <summary>For a lower-case word after a capitalised run with only lower-case words between (at most
    /// <see cref="FeatureExtractor.MaxNameHeadDistance"/> away): the run's first word and the distance. Long names
    /// continue in lower case after their capitalised head ("Commissariat à l'énergie atomique", "Médecins sans
    /// frontières"), ordinary prose after a name does not ("Airbus a signé").</summary>
    NameHead = 41,

    /// <summary><see cref="NameHead"/> with the head's coarse word cluster instead of the word.</summary>
    NameHeadCluster = 42,

    /// <summary>Any other feature conjoined with the sentence genre (<see cref="FeatureExtractor.GenreCopy"/>).</summary>
    GenreCopy = 40,
}
