using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace EntityExtraction.ML;

/// <summary>
/// The estimator that <see cref="FrenchEntityCatalog.ExtractFrenchEntities"/> returns. Fitting learns nothing: it
/// checks the input column and gives the <see cref="FrenchEntityExtractingTransformer"/>.
/// </summary>
public sealed class FrenchEntityExtractingEstimator : IEstimator<FrenchEntityExtractingTransformer>
{
    private readonly EstimatorChain<ColumnSelectingTransformer> _pipeline;

    internal FrenchEntityExtractingEstimator(string outputColumnName, string inputColumnName, TransformSettings settings)
    {
        Columns = new FrenchEntityColumnNames(outputColumnName);
        InputColumnName = inputColumnName;
        _pipeline = Build(Columns, inputColumnName, settings);
    }

    /// <summary>The columns the transform adds.</summary>
    public FrenchEntityColumnNames Columns { get; }

    /// <summary>The text column read, one document per row.</summary>
    public string InputColumnName { get; }

    /// <summary>Checks the input column and returns the transformer.</summary>
    /// <param name="input">Data with the input column, of type text.</param>
    /// <returns>The transformer, which adds the columns of <see cref="Columns"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The input column is missing or is not text.</exception>
    public FrenchEntityExtractingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputColumn.Check(input.Schema, InputColumnName, nameof(input));
        return new FrenchEntityExtractingTransformer(Columns, InputColumnName, _pipeline.Fit(input));
    }

    /// <summary>The schema of the data after the transform.</summary>
    /// <param name="inputSchema">The schema of the data before it.</param>
    /// <returns>The input schema with the columns of <see cref="Columns"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The input column is missing or is not text.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        InputColumn.Check(inputSchema, InputColumnName, nameof(inputSchema));
        return _pipeline.GetOutputSchema(inputSchema);
    }

    /// <summary>
    /// The work, in ML.NET's own saveable transforms: the text is copied to the mapping's input column, the settings
    /// are written into every row by an expression (so that the model keeps them and two transforms with different
    /// options each keep theirs), the custom mapping extracts, its columns take the caller's names and the working
    /// columns are dropped.
    /// </summary>
    private static EstimatorChain<ColumnSelectingTransformer> Build(FrenchEntityColumnNames columns, string inputColumnName, TransformSettings settings)
    {
        // The catalogs' environment is not public; the transforms built here keep nothing of this context.
        var context = new MLContext();
        return context.Transforms.CopyColumns(FrenchEntityMapping.TextColumn, inputColumnName)
            .Append(context.Transforms.Expression(FrenchEntityMapping.SettingsColumn, $"x => \"{settings.Encode()}\"", inputColumnName))
            .Append(context.Transforms.CustomMapping<FrenchEntityMapping.Input, FrenchEntityMapping.Output>(FrenchEntityMapping.Map, FrenchEntityMapping.ContractName))
            .Append(context.Transforms.CopyColumns(columns.Entities, FrenchEntityMapping.EntitiesColumn))
            .Append(context.Transforms.CopyColumns(columns.Texts, FrenchEntityMapping.TextsColumn))
            .Append(context.Transforms.CopyColumns(columns.Types, FrenchEntityMapping.TypesColumn))
            .Append(context.Transforms.CopyColumns(columns.Counts, FrenchEntityMapping.CountsColumn))
            .Append(context.Transforms.CopyColumns(columns.Bag, FrenchEntityMapping.BagColumn))
            .Append(context.Transforms.DropColumns(
                FrenchEntityMapping.TextColumn, FrenchEntityMapping.SettingsColumn, FrenchEntityMapping.EntitiesColumn,
                FrenchEntityMapping.TextsColumn, FrenchEntityMapping.TypesColumn, FrenchEntityMapping.CountsColumn, FrenchEntityMapping.BagColumn));
    }
}
