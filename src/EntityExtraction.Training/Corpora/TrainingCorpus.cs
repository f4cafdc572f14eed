namespace EntityExtraction.Training.Corpora;

/// <summary>A training file as tagged sentences, by extension: CoNLL on its gold tokens, JSONL on our tokens.</summary>
public static class TrainingCorpus
{
    /// <summary>Whether <paramref name="path"/> is raw text with character offsets (JSONL) rather than CoNLL.</summary>
    public static bool IsRawText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The sentences of a CoNLL file (<see cref="ConllReader"/>) or of a JSONL file tokenized by our tokenizer
    /// (<see cref="RawTextAlignment"/>, which counts into <paramref name="report"/> how its entities aligned).
    /// </summary>
    public static List<TaggedSentence> ReadFile(string path, AlignmentReport? report = null)
        => IsRawText(path) ? RawTextAlignment.ReadFile(path, report) : ConllReader.ReadFile(path);
}
