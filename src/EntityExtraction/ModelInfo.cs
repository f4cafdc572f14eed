using System.Globalization;
using System.Text;

namespace EntityExtraction;

/// <summary>What a loaded model is: its file format and feature schema, when it was trained, on what data and under
/// which licences. Read from the model file's header; the fields a file does not record are null or empty.</summary>
public sealed class ModelInfo
{
    internal const string CreatedKey = "created";
    internal const string TrainingDataKey = "training-data";
    internal const string DataLicenceKey = "data-licence";
    internal const string DescriptionKey = "description";

    internal ModelInfo(int formatVersion, int featureSchemaVersion, IReadOnlyDictionary<string, string> metadata)
    {
        FormatVersion = formatVersion;
        FeatureSchemaVersion = featureSchemaVersion;
        Created = metadata.TryGetValue(CreatedKey, out string? created)
            && DateOnly.TryParseExact(created, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        TrainingData = metadata.TryGetValue(TrainingDataKey, out string? data)
            ? data.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
        DataLicence = metadata.GetValueOrDefault(DataLicenceKey);
        Description = metadata.GetValueOrDefault(DescriptionKey);
    }

    /// <summary>The model format version (the layout of the model in its file).</summary>
    public int FormatVersion { get; }

    /// <summary>The feature schema version the model's weights were trained with; the library computes exactly one.</summary>
    public int FeatureSchemaVersion { get; }

    /// <summary>The day the model was trained, if recorded.</summary>
    public DateOnly? Created { get; }

    /// <summary>The training files and how they were used, one line each (for example <c>train/winer.jsonl weight 2</c>).</summary>
    public IReadOnlyList<string> TrainingData { get; }

    /// <summary>The licences of the data the model derives from, if recorded.</summary>
    public string? DataLicence { get; }

    /// <summary>The learner and the model's shape (label scheme, feature count, word clusters), if recorded.</summary>
    public string? Description { get; }

    /// <summary>Several lines: the format, the date, the description, the training data and the licences.</summary>
    /// <returns>A summary for people.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"model format {FormatVersion}, feature schema {FeatureSchemaVersion}");
        if (Created is { } created) text.Append(CultureInfo.InvariantCulture, $", trained {created:yyyy-MM-dd}");
        if (Description is not null) text.Append('\n').Append(Description);
        if (TrainingData.Count > 0) text.Append("\ntraining data: ").Append(string.Join("; ", TrainingData));
        if (DataLicence is not null) text.Append("\ndata licences: ").Append(DataLicence);
        return text.ToString();
    }

    /// <summary>The metadata a model file records for the given facts (used by the trainer).</summary>
    internal static Dictionary<string, string> Metadata(DateOnly? created, IEnumerable<string> trainingData, string? dataLicence, string? description)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (created is { } date) metadata[CreatedKey] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string data = string.Join('\n', trainingData);
        if (data.Length > 0) metadata[TrainingDataKey] = data;
        if (dataLicence is not null) metadata[DataLicenceKey] = dataLicence;
        if (description is not null) metadata[DescriptionKey] = description;
        return metadata;
    }
}
