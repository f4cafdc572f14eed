using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace EntityExtraction.ML;

/// <summary>The ML.NET entry points: <c>mlContext.Transforms.Text.ExtractFrenchEntities(…)</c>.</summary>
public static class FrenchEntityCatalog
{
    /// <summary>
    /// Finds the people, organisations and places of a French text column, one document per row, with the embedded
    /// model and gazetteer (<see cref="FrenchEntityExtractor.CreateDefault"/>, shared), and adds them as the columns of
    /// <see cref="FrenchEntityColumnNames"/>: <c>{output}</c> (<c>TYPE:name</c> tokens), <c>{output}.Texts</c>,
    /// <c>{output}.Types</c>, <c>{output}.Counts</c> and <c>{output}.Bag</c>. A model that contains it saves and loads
    /// with <c>mlContext.Model</c>, its options with it.
    /// </summary>
    /// <param name="catalog">The text transforms' catalog, <c>mlContext.Transforms.Text</c>.</param>
    /// <param name="outputColumnName">The output column, and the prefix of the others.</param>
    /// <param name="inputColumnName">The text column; by default <paramref name="outputColumnName"/>.</param>
    /// <param name="options">The entity types, minimum confidence and gazetteer use; by default all types, every
    /// confidence, with the gazetteer.</param>
    /// <returns>The estimator, to append to a pipeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="outputColumnName"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is empty, or <paramref name="options"/> has no entity type or an undefined one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The minimum confidence is outside [0, 1].</exception>
    public static FrenchEntityExtractingEstimator ExtractFrenchEntities(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null, ExtractFrenchEntitiesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        if (inputColumnName is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        return new FrenchEntityExtractingEstimator(outputColumnName, inputColumnName ?? outputColumnName, TransformSettings.From(options));
    }

    /// <summary>
    /// Registers this assembly with an ML.NET component catalog, where models using <c>ExtractFrenchEntities</c>
    /// find its mapping. <c>mlContext.Model.Load</c> does it by itself when it can load the assembly by name (the
    /// usual case: the application references this package); call this first when it cannot, for instance when the
    /// assembly comes from a plug-in folder.
    /// </summary>
    /// <param name="catalog">The catalog, <c>mlContext.ComponentCatalog</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public static void RegisterFrenchEntityExtraction(this ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        catalog.RegisterAssembly(typeof(FrenchEntityCatalog).Assembly);
    }
}
