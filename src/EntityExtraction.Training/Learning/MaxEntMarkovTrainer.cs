using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>Placeholder until the ML.NET maximum-entropy Markov model is implemented.</summary>
public sealed class MaxEntMarkovTrainer
{
    private readonly TrainingOptions _options;

    public MaxEntMarkovTrainer(TrainingOptions options) => _options = options;

    internal TrainingResult Train(EncodedCorpus corpus, Lexicon lexicon, IReadOnlyList<DevSet> dev)
        => throw new NotSupportedException($"mlnet-memm is not implemented yet ({_options.Seed}, {corpus.TokenCount}, {lexicon.Count}, {dev.Count}).");
}
