namespace EntityExtraction;

/// <summary>Which component found an <see cref="Entity"/>.</summary>
public enum EntitySource
{
    /// <summary>The statistical model tagged it.</summary>
    Model,

    /// <summary>The gazetteer fallback found a name the model missed (or overruled a low-confidence model span).</summary>
    Gazetteer,
}
