using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace EntityExtraction.ML;

/// <summary>
/// The row mapping behind the transform, an ML.NET custom mapping found by its contract name when a model is loaded.
/// It reads two columns of fixed names — the text, and the encoded <see cref="TransformSettings"/> that the
/// transform writes into every row — and writes five columns of fixed names, which the transform then renames.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class FrenchEntityMapping : CustomMappingFactory<FrenchEntityMapping.Input, FrenchEntityMapping.Output>
{
    /// <summary>The name a saved model records; it must never change, or saved models stop loading.</summary>
    internal const string ContractName = "EntityExtraction.ML.ExtractFrenchEntities";

    /// <summary>The working columns' names, which no data set would use.</summary>
    internal const string TextColumn = "EntityExtraction.ML#Text", SettingsColumn = "EntityExtraction.ML#Settings",
        EntitiesColumn = "EntityExtraction.ML#Entities", TextsColumn = "EntityExtraction.ML#Texts",
        TypesColumn = "EntityExtraction.ML#Types", CountsColumn = "EntityExtraction.ML#Counts", BagColumn = "EntityExtraction.ML#Bag";

    /// <inheritdoc/>
    public override Action<Input, Output> GetMapping() => Map;

    /// <summary>Extracts the entities of one row. Thread-safe: ML.NET may call it from several cursors at once.</summary>
    internal static void Map(Input input, Output output)
    {
        var extractor = TransformSettings.ExtractorFor(input.Settings);
        var entities = extractor.Extract(input.Text ?? "");
        var tokens = new string[entities.Count];
        var texts = new string[entities.Count];
        var types = new string[entities.Count];
        for (int i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            types[i] = entity.Type.ToCode();
            texts[i] = entity.Text;
            tokens[i] = $"{types[i]}:{entity.CanonicalName ?? entity.Text}";
        }
        output.Entities = tokens;
        output.Texts = texts;
        output.Types = types;
        output.Counts = EntityBag.CountsByType(entities);
        output.Bag = EntityBag.Of(tokens);
    }

    /// <summary>The columns the mapping reads.</summary>
    internal sealed class Input
    {
        [ColumnName(TextColumn)]
        public string? Text { get; set; }

        [ColumnName(SettingsColumn)]
        public string Settings { get; set; } = "";
    }

    /// <summary>The columns the mapping writes.</summary>
    internal sealed class Output
    {
        [ColumnName(EntitiesColumn)]
        public string[] Entities { get; set; } = [];

        [ColumnName(TextsColumn)]
        public string[] Texts { get; set; } = [];

        [ColumnName(TypesColumn)]
        public string[] Types { get; set; } = [];

        [ColumnName(CountsColumn)]
        [VectorType(FrenchEntityColumnNames.CountsLength)]
        public float[] Counts { get; set; } = new float[FrenchEntityColumnNames.CountsLength];

        [ColumnName(BagColumn)]
        [VectorType(FrenchEntityColumnNames.BagLength)]
        public VBuffer<float> Bag { get; set; }
    }
}
