namespace EntityExtraction.ML;

/// <summary>
/// What <see cref="FrenchEntityCatalog.ExtractFrenchEntities"/> extracts. Everything here is saved with the model
/// (<c>mlContext.Model.Save</c>) and applies again when it is loaded. The transform always runs the embedded default
/// model; a custom model or gazetteer file cannot be saved inside an ML.NET model, so it is not offered here.
/// </summary>
/// <example>
/// <code>
/// mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text",
///     new ExtractFrenchEntitiesOptions { EntityTypes = [EntityType.Person, EntityType.Organization], MinimumConfidence = 0.5f });
/// </code>
/// </example>
public sealed class ExtractFrenchEntitiesOptions
{
    /// <summary>The entity types reported (default: all three). At least one, each a defined value.</summary>
    public IReadOnlyCollection<EntityType> EntityTypes { get; init; } = [EntityType.Person, EntityType.Organization, EntityType.Location];

    /// <summary>Entities less confident than this are dropped: 0 to 1, default 0 (keep all).</summary>
    public float MinimumConfidence { get; init; }

    /// <summary>Whether the embedded gazetteer completes the model (default true); false uses the model alone.</summary>
    public bool UseGazetteer { get; init; } = true;
}
