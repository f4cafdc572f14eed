using Microsoft.ML;
using Microsoft.ML.Data;

namespace EntityExtraction.ML;

/// <summary>
/// The check of the transform's input column, before ML.NET's own: a missing or non-text column fails with a message
/// that names the column, what it is and what the transform wants. Schema errors are
/// <see cref="ArgumentOutOfRangeException"/>s, as ML.NET's own schema mismatches are.
/// </summary>
internal static class InputColumn
{
    /// <summary>Checks the column in data.</summary>
    internal static void Check(DataViewSchema schema, string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(schema, paramName);
        var column = schema.GetColumnOrNull(name)
            ?? throw Missing(name, schema.Where(c => !c.IsHidden).Select(c => c.Name), paramName);
        if (column.Type is not TextDataViewType)
            throw NotText(name, column.Type.ToString() ?? "", paramName);
    }

    /// <summary>Checks the column in a schema shape, as an estimator sees it.</summary>
    internal static void Check(SchemaShape schema, string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(schema, paramName);
        var columns = schema.Where(c => c.Name == name).ToList();
        if (columns.Count == 0)
            throw Missing(name, schema.Select(c => c.Name), paramName);
        var column = columns[^1];
        if (column.Kind != SchemaShape.Column.VectorKind.Scalar)
            throw NotText(name, $"a vector of {column.ItemType}", paramName);
        if (column.ItemType is not TextDataViewType)
            throw NotText(name, column.ItemType.ToString() ?? "", paramName);
    }

    private static ArgumentOutOfRangeException Missing(string name, IEnumerable<string> columns, string paramName) =>
        new(paramName, $"ExtractFrenchEntities: the input column '{name}' is not in the data (its columns: {string.Join(", ", columns)}).");

    private static ArgumentOutOfRangeException NotText(string name, string type, string paramName) =>
        new(paramName, $"ExtractFrenchEntities: the input column '{name}' is {type}; it must be text (String), one document per row.");
}
