namespace EntityExtraction.Pipeline;

/// <summary>
/// A mention the type vote can read and retype: the model's entities and the merged entities both are, so one
/// vote serves the model alone (training tools) and the whole pipeline. Implemented by value types only, so the
/// generic vote is specialised per type and never boxes.
/// </summary>
internal interface ITypedMention<TSelf>
    where TSelf : struct, ITypedMention<TSelf>
{
    int Start { get; }

    int Length { get; }

    EntityType Type { get; }

    float Confidence { get; }

    /// <summary>A mention whose type was given, not guessed: it keeps it, and only such mentions vote in its group.</summary>
    bool IsTypeFixed { get; }

    TSelf WithType(EntityType type);
}
