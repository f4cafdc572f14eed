using System.Globalization;
using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Learning;

/// <summary>What the <c>train</c> command records in a model file about the model (read back as <see cref="ModelInfo"/>).</summary>
internal static class ModelDescription
{
    /// <summary>
    /// The day to record as the training date: <c>SOURCE_DATE_EPOCH</c> when set (reproducible builds), else today
    /// (UTC). Only the day is kept, so two runs on one day write the same bytes.
    /// </summary>
    public static DateOnly Today()
    {
        string? epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return epoch is not null && long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime)
            : DateOnly.FromDateTime(DateTime.UtcNow);
    }

    /// <summary>The model's metadata: date, training files and how they were used, their licences, the learner and shape.</summary>
    public static Dictionary<string, string> For(TrainingPlan plan, ModelData model, DateOnly created)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        var data = plan.Sources.Select(Describe).ToList();
        data.AddRange(plan.NamesFrom.Select(n => $"names harvested from {Path.GetFileName(n)}"));
        data.AddRange((plan.ClusterText ?? []).Select(t => $"word clusters also from {Path.GetFileName(t)}"));
        if (plan.CuratedLists is not null) data.Add("curated organisation and place lists (src/EntityExtraction.Training/Curated)");
        if (plan.GazetteerSources is not null) data.Add("name lexicons from gazetteer-sources (see NOTICE)");
        string licences = string.Join("; ", plan.Sources.Select(s => s.Path).Concat(plan.ClusterText ?? []).Select(KnownCorpora.LicenceOf).Distinct())
            + (plan.GazetteerSources is not null ? "; name lexicons: see NOTICE" : "");
        string clusters = model.Clusters.ClassCounts.Count == 0 ? "no word clusters" : $"{string.Join("+", model.Clusters.ClassCounts)} word clusters";
        string description = string.Create(CultureInfo.InvariantCulture,
            $"{plan.Learner}, {model.Scheme.ToString().ToUpperInvariant()} labels, {model.FeatureKeys.Length:N0} features, {clusters}, seed {plan.Options.Seed}");
        return ModelInfo.Metadata(created, data, licences, description);
    }

    private static string Describe(TrainingSource source)
    {
        var parts = new List<string> { Path.GetFileName(source.Path) };
        if (source.Weight != 1f) parts.Add(string.Create(CultureInfo.InvariantCulture, $"weight {source.Weight}"));
        if (source.RunningTextOnly) parts.Add("running text only");
        if (source.CasedEntitiesOnly) parts.Add("cased entities only");
        if (source.ReplacedCopies > 0) parts.Add($"{source.ReplacedCopies} mention-replaced copies");
        if (source.Retokenized) parts.Add("retokenized");
        return string.Join(", ", parts);
    }
}
