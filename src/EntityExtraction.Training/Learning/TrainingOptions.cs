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

    /// <summary>CRF: weight of the L2 term, (L2 / 2)·‖θ‖², against the summed (weighted) log-likelihood.</summary>
    public double L2 { get; init; } = 4.0;

    /// <summary>CRF: weight of the L1 term, L1·‖θ‖₁ (OWL-QN); 0 is plain L-BFGS.</summary>
    public double L1 { get; init; }

    /// <summary>CRF: L-BFGS iteration budget.</summary>
    public int Iterations { get; init; } = 200;

    /// <summary>CRF: the model is scored on the dev sets every this many iterations (and at the last one).</summary>
    public int EvaluateEvery { get; init; } = 10;

    /// <summary>CRF: L-BFGS correction pairs kept (each costs two vectors of the parameter count).</summary>
    public int LbfgsMemory { get; init; } = 6;

    /// <summary>Where progress lines go (one per epoch).</summary>
    public Action<string> Progress { get; init; } = _ => { };
}
