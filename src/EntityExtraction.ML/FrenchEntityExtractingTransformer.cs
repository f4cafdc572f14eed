using Microsoft.ML;
using Microsoft.ML.Data;

namespace EntityExtraction.ML;

/// <summary>
/// Adds the entity columns of <see cref="Columns"/> to data with a text column. Saved with
/// <c>mlContext.Model.Save</c>, it is written as a chain of ML.NET's own transforms and a custom mapping, with its
/// options; <c>mlContext.Model.Load</c> gives that chain back (a <c>TransformerChain</c>, not this type), which
/// computes the same columns.
/// </summary>
public sealed class FrenchEntityExtractingTransformer : ITransformer
{
    private readonly ITransformer _pipeline;

    internal FrenchEntityExtractingTransformer(FrenchEntityColumnNames columns, string inputColumnName, ITransformer pipeline)
    {
        Columns = columns;
        InputColumnName = inputColumnName;
        _pipeline = pipeline;
    }

    /// <summary>The columns the transform adds.</summary>
    public FrenchEntityColumnNames Columns { get; }

    /// <summary>The text column read, one document per row.</summary>
    public string InputColumnName { get; }

    /// <summary>True: the transform maps each row on its own, so prediction engines can use it.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The schema of the data after the transform.</summary>
    /// <param name="inputSchema">The schema of the data before it.</param>
    /// <returns>The input schema with the columns of <see cref="Columns"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The input column is missing or is not text.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        InputColumn.Check(inputSchema, InputColumnName, nameof(inputSchema));
        return _pipeline.GetOutputSchema(inputSchema);
    }

    /// <summary>The row-to-row mapper that prediction engines use.</summary>
    /// <param name="inputSchema">The schema of the rows to map.</param>
    /// <returns>The mapper.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The input column is missing or is not text.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        InputColumn.Check(inputSchema, InputColumnName, nameof(inputSchema));
        return _pipeline.GetRowToRowMapper(inputSchema);
    }

    /// <summary>Adds the entity columns to <paramref name="input"/>, lazily, as ML.NET transforms do.</summary>
    /// <param name="input">Data with the input column, of type text.</param>
    /// <returns>The data with the columns of <see cref="Columns"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The input column is missing or is not text.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputColumn.Check(input.Schema, InputColumnName, nameof(input));
        return _pipeline.Transform(input);
    }

    /// <summary>Saves the transform as the chain of transforms it runs (see the class's summary).</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => _pipeline.Save(ctx);
}
