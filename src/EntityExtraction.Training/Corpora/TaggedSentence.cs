namespace EntityExtraction.Training.Corpora;

/// <summary>One CoNLL sentence: tokens and their BIO label indices (see <c>LabelSet</c>), after scheme conversion.</summary>
public sealed record TaggedSentence(string[] Words, int[] Labels);
