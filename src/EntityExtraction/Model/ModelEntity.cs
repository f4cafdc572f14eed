using EntityExtraction.Pipeline;

namespace EntityExtraction.Model;

/// <summary>An entity found by <see cref="NerModel"/>.</summary>
/// <param name="Start">UTF-16 index of the first character in the text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Type">The entity type.</param>
/// <param name="Confidence">Mean posterior probability of the span's labels, in [0, 1].</param>
/// <param name="FirstToken">Index of the entity's first token in the token list given to the model.</param>
/// <param name="TokenCount">Number of tokens in the entity.</param>
internal readonly record struct ModelEntity(int Start, int Length, EntityType Type, float Confidence, int FirstToken, int TokenCount)
    : ITypedMention<ModelEntity>
{
    public bool IsTypeFixed => false;

    public ModelEntity WithType(EntityType type) => this with { Type = type };
}
