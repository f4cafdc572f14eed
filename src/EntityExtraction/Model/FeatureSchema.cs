namespace EntityExtraction.Model;

/// <summary>
/// The version of the feature set computed by <see cref="FeatureExtractor"/>. Every change to what a
/// feature means (a template, the hashing, the token attributes, the lexicon flags) must bump it, because
/// a model's weights are only meaningful for the exact features it was trained with: a model file built
/// with another version is refused rather than silently mis-scored.
/// </summary>
internal static class FeatureSchema
{
    // 2: lexicon flags for the curated organisation and place lists.
    // 3: every feature also conjoined with the sentence genre (running text or title-like fragment).
    // 4: word-cluster templates (34-39), present only in models that carry word clusters.
    // 5: name-head templates (41-42) for lower-case words that continue a capitalised name.
    public const int Version = 5;
}
