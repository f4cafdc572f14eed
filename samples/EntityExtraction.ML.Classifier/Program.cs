// Which corpus does a French sentence come from — modern news (WiNER), historical newspapers (Europeana, NewsEye) or
// encyclopedic fragments (WikiANN)? A classifier on the words alone, on the words and the entities that
// ExtractFrenchEntities finds, and on the entities alone; trained on the corpora's train files, evaluated on their
// test files, a fixed seeded sample of sentences per class. The figures are in docs/integrations.md.
//   dotnet run -c Release --project samples/EntityExtraction.ML.Classifier                  # from the repository root
//   dotnet run -c Release --project samples/EntityExtraction.ML.Classifier -- --data DIR --train 1500 --test 500 --seed 1
using System.Diagnostics;
using System.Globalization;
using EntityExtraction.ML;
using EntityExtraction.ML.Classifier;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string data = Path.Combine("..", "shared", "data");
int trainPerClass = 1500, testPerClass = 500, seed = 1;
for (int i = 0; i < args.Length; i++)
{
    bool hasValue = i + 1 < args.Length;
    switch (args[i])
    {
        case "--data" when hasValue: data = args[++i]; break;
        case "--train" when hasValue && int.TryParse(args[i + 1], out trainPerClass) && trainPerClass > 0: i++; break;
        case "--test" when hasValue && int.TryParse(args[i + 1], out testPerClass) && testPerClass > 0: i++; break;
        case "--seed" when hasValue && int.TryParse(args[i + 1], out seed): i++; break;
        default:
            Console.Error.WriteLine("Usage: EntityExtraction.ML.Classifier [--data DIR] [--train N] [--test N] [--seed N]");
            return 2;
    }
}

// The classes and their files: train files for training, test files for the figures.
(string Label, string[] Files)[] classes =
[
    ("modern news", ["winer.jsonl"]),
    ("historical newspapers", ["europeana.conll", "newseye.conll"]),
    ("encyclopedic", ["wikiann.conll"]),
];
string ner = Path.Combine(data, "ner");
if (!Directory.Exists(ner))
{
    Console.Error.WriteLine($"The corpora are not there: the folder {Path.GetFullPath(ner)} does not exist.");
    Console.Error.WriteLine("This sample reads the NER corpora of the shared data folder, ../shared/data beside the repository. "
        + "Run it from the repository root, or give the folder: --data /path/to/shared/data");
    return 2;
}
var missing = classes.SelectMany(c => c.Files).SelectMany(f => new[] { Path.Combine(ner, "train", f), Path.Combine(ner, "test", f) })
    .Where(path => !File.Exists(path)).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine($"The corpora are incomplete: {string.Join(", ", missing)} not found in {Path.GetFullPath(ner)}.");
    return 2;
}

var clock = Stopwatch.StartNew();
var random = new Random(seed);
List<LabelledSentence> Sample(string split, int perClass) =>
[
    .. classes.SelectMany(c =>
    {
        var sentences = c.Files.SelectMany(f => Path.Combine(ner, split, f) is var path && f.EndsWith(".jsonl", StringComparison.Ordinal)
                ? Corpora.ReadJsonl(path) : Corpora.ReadConll(path))
            .Where(s => s.Length > 0).ToArray();
        random.Shuffle(sentences);
        if (sentences.Length < perClass)
            Console.WriteLine($"warning: {split}/{c.Label} has {sentences.Length} sentences, fewer than {perClass}");
        return sentences.Take(perClass).Select(s => new LabelledSentence { Text = s, Label = c.Label });
    }),
];
var trainRows = Sample("train", trainPerClass);
var testRows = Sample("test", testPerClass);
Console.WriteLine($"{trainRows.Count} training sentences, {testRows.Count} test sentences (seed {seed}), read in {clock.Elapsed.TotalSeconds:0.0} s");

var mlContext = new MLContext(seed: seed);
var train = mlContext.Data.LoadFromEnumerable(trainRows);
var test = mlContext.Data.LoadFromEnumerable(testRows);

// Three feature sets, one trainer. SDCA on one thread, so that the figures are the same at each run.
IEstimator<ITransformer> Classifier(IEstimator<ITransformer> features) => features
    .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
    .AppendCacheCheckpoint(mlContext)
    .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
    .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
var entities = mlContext.Transforms.Text.ExtractFrenchEntities("Entities", "Text");
(string Name, IEstimator<ITransformer> Pipeline)[] configurations =
[
    ("words (FeaturizeText)", Classifier(mlContext.Transforms.Text.FeaturizeText("Features", "Text"))),
    ("words + entities", Classifier(entities
        .Append(mlContext.Transforms.Text.FeaturizeText("Words", "Text"))
        .Append(mlContext.Transforms.Concatenate("Features", "Words", "Entities.Counts", "Entities.Bag")))),
    ("entities alone", Classifier(entities
        .Append(mlContext.Transforms.Concatenate("Features", "Entities.Counts", "Entities.Bag")))),
];

string[] labels = [.. classes.Select(c => c.Label)];
Console.WriteLine();
Console.WriteLine($"| features | macro accuracy | micro accuracy | {string.Join(" | ", labels.Select(l => $"{l} P / R / F1"))} | seconds |");
Console.WriteLine($"|---|---|---|{string.Concat(labels.Select(_ => "---|"))}---|");
ITransformer? withEntities = null;
foreach (var (name, pipeline) in configurations)
{
    var watch = Stopwatch.StartNew();
    var model = pipeline.Fit(train);
    var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test));
    var matrix = metrics.ConfusionMatrix;
    // The confusion matrix's classes are in the order the key mapping met the labels: read them from its annotation.
    var keyNames = default(VBuffer<ReadOnlyMemory<char>>);
    model.Transform(test).Schema["Label"].GetKeyValues(ref keyNames);
    var order = keyNames.DenseValues().Select(k => k.ToString()).ToList();
    var perClass = labels.Select(l =>
    {
        int k = order.IndexOf(l);
        double p = matrix.PerClassPrecision[k], r = matrix.PerClassRecall[k];
        return $"{p:0.000} / {r:0.000} / {(p + r == 0 ? 0 : 2 * p * r / (p + r)):0.000}";
    });
    Console.WriteLine($"| {name} | {metrics.MacroAccuracy:0.000} | {metrics.MicroAccuracy:0.000} | {string.Join(" | ", perClass)} | {watch.Elapsed.TotalSeconds:0.0} |");
    if (name == "words + entities")
        withEntities = model;
}

// The model with entities, saved and loaded in a fresh context, predicts the test set as before.
string path = Path.Combine(Path.GetTempPath(), $"entity-classifier-{Environment.ProcessId}.zip");
try
{
    mlContext.Model.Save(withEntities!, train.Schema, path);
    var fresh = new MLContext(seed: seed);
    var loaded = fresh.Model.Load(path, out _);
    var before = withEntities!.Transform(test).GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(l => l.ToString());
    var after = loaded.Transform(fresh.Data.LoadFromEnumerable(testRows)).GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(l => l.ToString());
    int same = before.Zip(after).Count(p => p.First == p.Second);
    Console.WriteLine();
    Console.WriteLine($"words + entities, saved ({new FileInfo(path).Length / 1024} KB) and loaded in a fresh MLContext: {same} of {testRows.Count} test predictions unchanged");
    if (same != testRows.Count)
    {
        Console.Error.WriteLine("The loaded model does not predict as the saved one.");
        return 1;
    }
}
finally
{
    File.Delete(path);
}
Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0.0} s");
return 0;
