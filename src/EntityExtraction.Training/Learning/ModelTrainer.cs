using System.Diagnostics;
using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;
using EntityExtraction.Training.Lexicons;

namespace EntityExtraction.Training.Learning;

/// <summary>What to train: sources, dev sets, lexicon inputs and the learner.</summary>
public sealed record TrainingPlan(
    IReadOnlyList<TrainingSource> Sources,
    IReadOnlyList<string> DevFiles,
    string? GazetteerSources,
    IReadOnlyList<string> NamesFrom,
    string? LexiconFile,
    string Learner,
    TrainingOptions Options,
    bool Prune = true,
    string? CuratedLists = null,
    int NameFolds = 0,
    IReadOnlyList<int>? ClusterLevels = null,
    int ClusterMinimumCount = 3,
    IReadOnlyList<string>? ClusterText = null,
    EvaluationMode DevMode = EvaluationMode.GoldTokens);

/// <summary>
/// The whole training run behind the <c>train</c> verb: compile lexicons, read and encode the training files,
/// run the chosen learner with dev-F1 model selection, and return the model ready to write.
/// </summary>
public static class ModelTrainer
{
    public static readonly string[] Learners = ["perceptron", "crf", "mlnet-memm"];

    public static TrainingResult Train(TrainingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var log = plan.Options.Progress;
        var clock = Stopwatch.StartNew();
        var lexicon = plan.LexiconFile != null ? Lexicons.LexiconFile.Read(plan.LexiconFile) : BuildLexicon(plan.GazetteerSources, plan.NamesFrom, plan.CuratedLists);
        log($"lexicon: {lexicon.Count:N0} words ({clock.Elapsed:mm\\:ss})");

        var sentences = new List<(TaggedSentence, float)>();
        var sentenceLexicons = new List<Lexicon?>();
        var loadedSources = new List<(TrainingSource Source, List<TaggedSentence> Sentences)>();
        foreach (var source in plan.Sources)
        {
            var loaded = source.Load(log);
            loadedSources.Add((source, loaded));
            log($"train: {source.Path}: {loaded.Count:N0} sentences, weight {source.Weight}{(source.RunningTextOnly ? ", running text only" : "")}");
            sentences.AddRange(loaded.Select(s => (s, source.Weight)));
            var folds = plan.NameFolds > 1 && plan.LexiconFile == null ? FoldLexicons(plan, source.Path, log) : null;
            for (int i = 0; i < loaded.Count; i++) sentenceLexicons.Add(folds?[i % folds.Length]);
        }
        if (plan.Sources.Any(s => s.ReplacedCopies > 0))
        {
            var pool = MentionReplacement.NamePool(sentences.Select(s => s.Item1), plan.CuratedLists);
            log($"mention replacement: {string.Join(", ", pool.Select((p, t) => $"{LabelSet.Standard.Types[t]} {p.Count:N0}"))} names to draw from");
            var random = new Random(plan.Options.Seed);
            foreach (var (source, loaded) in loadedSources.Where(s => s.Source.ReplacedCopies > 0))
            {
                var copies = MentionReplacement.Augment(loaded, pool, source.ReplacedCopies, random);
                log($"train: {source.Path}: {copies.Count:N0} more sentences with replaced mentions");
                sentences.AddRange(copies.Select(s => (s, source.Weight)));
                sentenceLexicons.AddRange(Enumerable.Repeat<Lexicon?>(null, copies.Count));
            }
        }
        if (sentences.Count == 0) throw new ArgumentException("No training sentences.");
        var dev = plan.DevFiles.Select(f => DevSet.Load(f, plan.DevMode)).ToList();
        var clusters = BuildClusters(plan, log);
        var corpus = EncodedCorpus.Build(sentences, lexicon, plan.Options.MinimumFeatureCount, sentenceLexicons, clusters);
        log($"encoded {corpus.TokenCount:N0} tokens, {corpus.FeatureKeys.Length:N0} features ({clock.Elapsed:mm\\:ss})");

        var result = plan.Learner switch
        {
            "perceptron" => new AveragedPerceptronTrainer(plan.Options).Train(corpus, lexicon, dev),
            "crf" => new CrfTrainer(plan.Options).Train(corpus, lexicon, dev),
            "mlnet-memm" => new MaxEntMarkovTrainer(plan.Options).Train(corpus, lexicon, dev),
            _ => throw new ArgumentException($"Unknown learner '{plan.Learner}'; expected one of: {string.Join(", ", Learners)}."),
        };
        if (plan.Prune)
        {
            var (pruned, fraction, f1) = WeightPruning.Prune(result.Model.Data, dev, log);
            result = result with { Model = new NerModel(pruned) };
            log($"pruned {fraction:P0} of features, dev F1 mean {f1:F2}");
        }
        if (result.Model.Data.Normalization == ScoreNormalization.Global)
        {
            var (scale, brier) = ConfidenceCalibration.Fit(result.Model.Data, dev);
            result = result with { Model = new NerModel(result.Model.Data with { ConfidenceScale = scale }) };
            log($"confidence scale {scale} (dev Brier score {brier:F4})");
        }
        log($"selected: {AveragedPerceptronTrainer.Format(result.Epochs[result.BestEpoch - 1], dev)}; {result.Model.FeatureCount:N0} features; total {clock.Elapsed:mm\\:ss}");
        return result;
    }

    /// <summary>The exchange algorithm's cost grows with the square of the class count; beyond this it takes minutes.</summary>
    private const int MaxClusterClasses = 4096;

    /// <summary>Words whose classes are logged as a sanity check: months, first names, cities, countries, titles.</summary>
    private static readonly string[] ClusterProbes = ["janvier", "jean", "lyon", "allemagne", "ministre", "société"];

    /// <summary>
    /// Word clusters at each requested granularity, learned from every sentence of the training files (labels
    /// ignored, no filter applied) followed by the unlabelled <see cref="TrainingPlan.ClusterText"/> files, one
    /// sentence per line tokenized by our tokenizer: never a dev or test file.
    /// </summary>
    private static WordClusters BuildClusters(TrainingPlan plan, Action<string> log)
    {
        var levels = plan.ClusterLevels?.Where(k => k != 0).ToArray() ?? [];
        if (levels.Length == 0) return WordClusters.Empty;
        if (levels.Length > WordClusters.MaxLevels)
            throw new ArgumentException($"At most {WordClusters.MaxLevels} cluster granularities (coarse and fine); {levels.Length} given.");
        if (levels.FirstOrDefault(k => k is < 2 or > MaxClusterClasses) is int bad and not 0)
            throw new ArgumentException($"{bad} word clusters: expected 0 (none) or 2 to {MaxClusterClasses} classes.");
        var clock = Stopwatch.StartNew();
        var text = plan.Sources.SelectMany(source => TrainingCorpus.ReadFile(source.Path)).Select(s => (IReadOnlyList<string>)s.Words).ToList();
        foreach (string path in plan.ClusterText ?? [])
        {
            var sentences = PlainTextReader.ReadFile(path);
            text.AddRange(sentences);
            log($"clusters: {path}: {sentences.Count:N0} sentences, {sentences.Sum(s => (long)s.Length):N0} tokens of unlabelled text ({clock.Elapsed:mm\\:ss\\.f})");
        }
        var clusterings = new List<WordClustering>();
        foreach (int classes in levels)
        {
            var clustering = WordClusterer.Cluster(text, classes, plan.ClusterMinimumCount);
            clusterings.Add(clustering);
            log($"clusters: {classes} classes over {clustering.Vocabulary.Count:N0} words seen >= {plan.ClusterMinimumCount} times, {clustering.Passes} passes ({clock.Elapsed:mm\\:ss\\.f})");
            foreach (string probe in ClusterProbes)
            {
                if (clustering.ClassOfWord(probe) is int c) log($"  {probe} -> {c}: {string.Join(' ', clustering.Members(c, 12))}");
            }
        }
        var entries = clusterings[0].Vocabulary.Select(v => (v.Key, clusterings.Select(c => (ushort)(c.ClassOf[v.Key] + 1)).ToArray()));
        return new WordClusters(levels, entries);
    }

    internal static Lexicon BuildLexicon(string? gazetteerSources, IReadOnlyList<string> namesFrom, string? curatedLists)
        => AddNames(BaseLexicon(gazetteerSources, curatedLists), namesFrom, excludedPath: null, fold: 0, folds: 1).Build();

    private static LexiconBuilder BaseLexicon(string? gazetteerSources, string? curatedLists)
    {
        var builder = new LexiconBuilder();
        if (gazetteerSources != null) builder.AddGazetteerSources(gazetteerSources);
        if (curatedLists != null) builder.AddCuratedNames(curatedLists);
        return builder;
    }

    private static LexiconBuilder AddNames(LexiconBuilder builder, IReadOnlyList<string> namesFrom, string? excludedPath, int fold, int folds)
    {
        foreach (string spec in namesFrom)
        {
            var (path, minimumCount) = ParseNamesSource(spec);
            IEnumerable<TaggedSentence> sentences = TrainingCorpus.ReadFile(path);
            if (excludedPath != null && SameFile(path, excludedPath)) sentences = sentences.Where((_, i) => i % folds != fold);
            builder.AddHarvestedNames(sentences, minimumCount);
        }
        return builder;
    }

    /// <summary>
    /// For a training file that is also a names source, one lexicon per fold, each harvested without that fold's
    /// sentences; sentence i is described with lexicon i mod folds. Otherwise every name the model trains on is
    /// flagged as known, and the model learns to trust the flag far more than it deserves on unseen text.
    /// Null when the file is not a names source.
    /// </summary>
    private static Lexicon[]? FoldLexicons(TrainingPlan plan, string trainingPath, Action<string> log)
    {
        string? names = plan.NamesFrom.Select(spec => ParseNamesSource(spec).Path).FirstOrDefault(p => SameFile(p, trainingPath));
        if (names == null) return null;
        // The gazetteer sources and curated lists are read once; only the harvested names differ between folds.
        var common = BaseLexicon(plan.GazetteerSources, plan.CuratedLists);
        var lexicons = new Lexicon[plan.NameFolds];
        for (int k = 0; k < lexicons.Length; k++)
            lexicons[k] = AddNames(common.Copy(), plan.NamesFrom, names, k, plan.NameFolds).Build();
        log($"names of {trainingPath} harvested in {plan.NameFolds} folds: each sentence sees only the other folds' names");
        return lexicons;
    }

    private static bool SameFile(string a, string b)
        => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    /// <summary>
    /// A names source is <c>PATH[@MIN]</c>: harvest the words of entities seen at least MIN times (default 1).
    /// A higher minimum keeps one-off names of a corpus that is also trained on from flagging exactly the
    /// training sentence they come from, which teaches the model to trust the flag more than it deserves.
    /// </summary>
    internal static (string Path, int MinimumCount) ParseNamesSource(string spec)
    {
        int at = spec.LastIndexOf('@');
        // An '@' inside a folder name is part of the path, not an option.
        if (at < 0 || spec.AsSpan(at).IndexOfAny('/', '\\') >= 0) return (spec, 1);
        if (!int.TryParse(spec.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int minimum) || minimum < 1)
            throw new ArgumentException($"Names source '{spec}': '@{spec[(at + 1)..]}' is not a minimum count (expected PATH@N with N >= 1).");
        return (spec[..at], minimum);
    }
}
