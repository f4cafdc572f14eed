using System.Reflection;
using Microsoft.ML;

namespace EntityExtraction.ML.Tests;

/// <summary>Wrong input columns and arguments fail early, with a message that says what is wrong.</summary>
public sealed class SchemaTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    public sealed class Numbers
    {
        public float Score { get; set; }

        public string[] Words { get; set; } = [];
    }

    /// <summary>An estimator's view of a schema. ML.NET makes it inside pipelines; its factory is not public.</summary>
    private static SchemaShape Shape(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [schema])!;

    private IDataView NumberData => _mlContext.Data.LoadFromEnumerable(new[] { new Numbers { Score = 1, Words = ["a", "b"] } });

    [Theory]
    [InlineData("Body", "is not in the data (its columns: Score, Words).", "is not in the data (its columns: Score, Words).")]
    [InlineData("Score", "is Single; it must be text (String), one document per row.", "is Single; it must be text (String), one document per row.")]
    [InlineData("Words", "is Vector<String>; it must be text (String), one document per row.", "is a vector of String; it must be text (String), one document per row.")]
    public void A_missing_numeric_or_vector_input_column_is_refused_with_its_name(string column, string whenFitted, string inThePipelineSchema)
    {
        var estimator = _mlContext.Transforms.Text.ExtractFrenchEntities("Entities", column);

        var fit = () => estimator.Fit(NumberData);
        var shape = () => estimator.GetOutputSchema(Shape(NumberData.Schema));

        fit.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"ExtractFrenchEntities: the input column '{column}' {whenFitted}*");
        shape.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"ExtractFrenchEntities: the input column '{column}' {inThePipelineSchema}*");
    }

    [Fact]
    public void The_estimator_announces_its_columns_in_the_pipeline_s_schema()
    {
        var texts = _mlContext.Data.LoadFromEnumerable(new[] { new Sentence { Text = Sentences.AiAlliance } });
        var estimator = _mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text");

        var shape = estimator.GetOutputSchema(Shape(texts.Schema)).ToDictionary(c => c.Name);

        shape.Keys.Should().BeEquivalentTo(["Text", "Label", "Entities", "Entities.Texts", "Entities.Types", "Entities.Counts", "Entities.Bag"]);
        shape["Entities"].Kind.Should().Be(SchemaShape.Column.VectorKind.VariableVector);
        shape["Entities.Types"].Kind.Should().Be(SchemaShape.Column.VectorKind.VariableVector);
        shape["Entities.Counts"].Kind.Should().Be(SchemaShape.Column.VectorKind.Vector);
        shape["Entities.Bag"].ItemType.Should().Be(Microsoft.ML.Data.NumberDataViewType.Single);
    }

    [Fact]
    public void A_fitted_transformer_checks_the_data_it_is_given()
    {
        var texts = _mlContext.Data.LoadFromEnumerable(new[] { new Sentence { Text = Sentences.AiAlliance } });
        var transformer = _mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text").Fit(texts);

        var transform = () => transformer.Transform(NumberData);
        var schema = () => transformer.GetOutputSchema(NumberData.Schema);
        var mapper = () => transformer.GetRowToRowMapper(NumberData.Schema);

        transform.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*input column 'Text' is not in the data*");
        schema.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*input column 'Text' is not in the data*");
        mapper.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*input column 'Text' is not in the data*");
        transformer.GetOutputSchema(texts.Schema).Select(c => c.Name).Should().Contain(transformer.Columns.All);
    }

    [Fact]
    public void Column_names_and_options_are_checked_when_the_transform_is_made()
    {
        var text = _mlContext.Transforms.Text;

        ((Action)(() => text.ExtractFrenchEntities(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => text.ExtractFrenchEntities(""))).Should().Throw<ArgumentException>();
        ((Action)(() => text.ExtractFrenchEntities("Entities", " "))).Should().Throw<ArgumentException>();
        ((Action)(() => text.ExtractFrenchEntities("Entities", "Text", new ExtractFrenchEntitiesOptions { EntityTypes = [] })))
            .Should().Throw<ArgumentException>().WithMessage("*at least one entity type*");
        ((Action)(() => text.ExtractFrenchEntities("Entities", "Text", new ExtractFrenchEntitiesOptions { EntityTypes = [(EntityType)7] })))
            .Should().Throw<ArgumentException>().WithMessage("*7 is not an EntityType*");
        ((Action)(() => text.ExtractFrenchEntities("Entities", "Text", new ExtractFrenchEntitiesOptions { MinimumConfidence = 1.5f })))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 0 and 1*");
        ((Action)(() => text.ExtractFrenchEntities("Entities", "Text", new ExtractFrenchEntitiesOptions { MinimumConfidence = float.NaN })))
            .Should().Throw<ArgumentOutOfRangeException>();
    }
}
