using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>Settings shared by the learners.</summary>
public sealed record TrainingOptions
{
    public int Seed { get; init; } = 42;

    public int Epochs { get; init; } = 12;

    /// <summary>Features seen fewer times in training are dropped: rare ones mostly memorise noise and cost space.</summary>
    public int MinimumFeatureCount { get; init; } = 2;

    /// <summary>The label scheme the model is trained in; corpora are read as BIO and re-spelled into it.</summary>
    internal LabelScheme Scheme { get; init; } = LabelScheme.Bio;

    /// <summary>Where progress lines go (one per epoch).</summary>
    public Action<string> Progress { get; init; } = _ => { };
}
