namespace EntityExtraction.Model;

/// <summary>Everything a model file holds, before it is turned into a <see cref="NerModel"/>.</summary>
internal sealed record ModelData(
    IReadOnlyList<EntityType> Types,
    LabelScheme Scheme,
    ScoreNormalization Normalization,
    float ConfidenceScale,
    float[] Transitions,
    Lexicon Lexicon,
    ulong[] FeatureKeys,
    float[] Weights)
{
    /// <summary>The word clusters the model's cluster features were computed with; empty for a model without them.</summary>
    public WordClusters Clusters { get; init; } = WordClusters.Empty;
}
