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

    /// <summary>What the file records about the model (see <see cref="ModelInfo"/>): training date, data, licences.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
