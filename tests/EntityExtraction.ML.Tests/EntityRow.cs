using Microsoft.ML;
using Microsoft.ML.Data;

namespace EntityExtraction.ML.Tests;

/// <summary>The columns of <c>ExtractFrenchEntities("Entities", …)</c>, read back as one object per row.</summary>
public sealed class EntityRow
{
    [ColumnName("Entities")]
    public string[] Entities { get; set; } = [];

    [ColumnName("Entities.Texts")]
    public string[] Texts { get; set; } = [];

    [ColumnName("Entities.Types")]
    public string[] Types { get; set; } = [];

    [ColumnName("Entities.Counts")]
    public float[] Counts { get; set; } = [];

    [ColumnName("Entities.Bag")]
    public VBuffer<float> Bag { get; set; }

    /// <summary>The rows of <paramref name="data"/>, transformed by <paramref name="transformer"/>.</summary>
    public static List<EntityRow> Read(MLContext mlContext, ITransformer transformer, IDataView data) =>
        [.. mlContext.Data.CreateEnumerable<EntityRow>(transformer.Transform(data), reuseRowObject: false)];
}
