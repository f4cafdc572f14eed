using System.CommandLine;
using EntityExtraction.Cli;
using EntityExtraction.Model;
using EntityExtraction.Training.Evaluation;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// <c>train --train FILE... --dev FILE... --out MODEL [--seed N] [--learner NAME] [--labels bio|bilou] [--clusters N [M]]</c>: trains a model and writes
/// the model file. Training files are CoNLL or JSONL (raw text, tokenized by our tokenizer). A training file may carry options: <c>PATH@0.3</c> (update weight), <c>PATH@running</c>
/// (keep only running-text sentences).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "Training files, CoNLL or JSONL (raw text with character offsets, tokenized by our tokenizer), each optionally followed by @WEIGHT (update weight), @running (running-text sentences only), @cased (drop sentences with an uncapitalised entity) and @swapN (add N copies of its sentences with entities, every entity replaced by another name of its type) and @retok (a CoNLL file's sentences joined by spaces and tokenized again by our tokenizer, as the end-to-end evaluation sees them).", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string[]>("--dev") { Description = "Dev files (CoNLL or JSONL) for model selection, each optionally PATH@W to count it W times; the weighted mean exact F1 of the model alone picks the epoch. JSONL is scored end to end; CoNLL on its gold tokens unless --dev-end-to-end.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Path of the model file to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (sentence order).", DefaultValueFactory = _ => 42 };
        var learner = new Option<string>("--learner") { Description = "perceptron (structured averaged perceptron), crf (linear-chain CRF, L-BFGS) or mlnet-memm (ML.NET maximum entropy + Viterbi).", DefaultValueFactory = _ => "perceptron" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (perceptron) or iterations budget (memm).", DefaultValueFactory = _ => 12 };
        var iterations = new Option<int>("--iterations") { Description = "CRF: L-BFGS iteration budget.", DefaultValueFactory = _ => 200 };
        var evaluateEvery = new Option<int>("--evaluate-every") { Description = "CRF: score the dev sets every K iterations and keep the best.", DefaultValueFactory = _ => 10 };
        var l2 = new Option<double>("--l2") { Description = "CRF: L2 regularisation, (L2/2)·|w|² against the summed log-likelihood (4 chosen on dev among 1, 4, 16).", DefaultValueFactory = _ => 4.0 };
        var l1 = new Option<double>("--l1") { Description = "CRF: L1 regularisation L1·|w|₁ (OWL-QN); 0 for plain L-BFGS.", DefaultValueFactory = _ => 0.0 };
        var memory = new Option<int>("--lbfgs-memory") { Description = "CRF: L-BFGS correction pairs kept (two parameter-sized vectors each).", DefaultValueFactory = _ => 6 };
        var gazetteer = new Option<string?>("--gazetteer-sources") { Description = "Folder of lexicon sources; default ../shared/data/gazetteer-sources. 'none' disables lexicons." };
        var lexicons = new Option<string?>("--lexicons") { Description = "A lexicon file compiled by build-lexicons, used instead of --gazetteer-sources/--names-from." };
        var names = new Option<string[]>("--names-from") { Description = "CoNLL or JSONL files whose entity words are harvested into the lexicon, each optionally PATH@N to keep only words seen in at least N entities.", AllowMultipleArgumentsPerToken = true };
        var noPrune = new Option<bool>("--no-prune") { Description = "Keep every feature instead of pruning the weakest ones (pruning is kept only if it costs < 0.3 dev F1)." };
        var curated = new Option<string>("--curated") { Description = "Folder of the hand-curated organisation and place lists (*.tsv) added to the lexicons; 'none' leaves them out.", DefaultValueFactory = _ => DefaultPaths.CuratedLists };
        var scheme = new Option<string>("--labels") { Description = "Label scheme: bio (B-X, I-X, O) or bilou (also L-X closing and U-X one-token entities). Default bio: bilou scored about 1 F1 lower on the dev sets.", DefaultValueFactory = _ => "bio" };
        scheme.AcceptOnlyFromAmong("bio", "bilou");
        var nameFolds = new Option<int>("--name-folds") { Description = "Describe the sentences of a training file that is also a --names-from source with names harvested from the other N folds only (0: off).", DefaultValueFactory = _ => 0 };
        var clusters = new Option<int[]>("--clusters") { Description = "Word clusters learned from the --train files' text as features: the number of classes, or two numbers for a coarse and a fine clustering (0: none).", AllowMultipleArgumentsPerToken = true };
        var clusterText = new Option<string[]>("--cluster-text") { Description = "Unlabelled text files (one sentence per line, tokenized by our tokenizer) the word clusters also learn from, after the --train files' text.", AllowMultipleArgumentsPerToken = true };
        var devEndToEnd = new Option<bool>("--dev-end-to-end") { Description = "Score CoNLL dev files end to end for model selection (each sentence a text of its tokens joined by spaces, tokenized by our tokenizer), as evaluate does, instead of on their gold tokens." };
        var clusterMinCount = new Option<int>("--cluster-min-count") { Description = "Words seen fewer times in the training text get no cluster.", DefaultValueFactory = _ => 3 };
        var minCount = new Option<int>("--min-feature-count") { Description = "Drop features seen fewer times in training.", DefaultValueFactory = _ => 2 };

        var command = new Command("train", "Train a French NER model from CoNLL or JSONL files, selecting by dev F1.")
        {
            train, dev, output, seed, learner, epochs, iterations, evaluateEvery, l2, l1, memory, gazetteer, lexicons, names, curated, minCount, noPrune, scheme, nameFolds, clusters, clusterMinCount, clusterText, devEndToEnd,
        };
        command.SetAction(parse => CommandErrors.Run("train", () =>
        {
                string? sources = parse.GetValue(gazetteer) ?? DefaultPaths.GazetteerSources;
                if (sources != "none" && parse.GetValue(lexicons) is null) DefaultPaths.RequireFolder(sources, "--gazetteer-sources", "the lexicon sources folder");
                if (DefaultPaths.OrNone(parse.GetValue(curated)) is { } curatedFolder) DefaultPaths.RequireFolder(curatedFolder, "--curated", "the curated lists folder");
                var plan = new TrainingPlan(
                    parse.GetValue(train)!.Select(TrainingSource.Parse).ToList(),
                    parse.GetValue(dev)!,
                    sources == "none" ? null : sources,
                    parse.GetValue(names) ?? [],
                    parse.GetValue(lexicons),
                    parse.GetValue(learner)!,
                    new TrainingOptions
                    {
                        Seed = parse.GetValue(seed),
                        Epochs = parse.GetValue(epochs),
                        MinimumFeatureCount = parse.GetValue(minCount),
                        Iterations = parse.GetValue(iterations),
                        EvaluateEvery = parse.GetValue(evaluateEvery),
                        L2 = parse.GetValue(l2),
                        L1 = parse.GetValue(l1),
                        LbfgsMemory = parse.GetValue(memory),
                        Scheme = parse.GetValue(scheme) == "bilou" ? LabelScheme.Bilou : LabelScheme.Bio,
                        Progress = line => Console.Error.WriteLine(line),
                    },
                    Prune: !parse.GetValue(noPrune),
                    CuratedLists: DefaultPaths.OrNone(parse.GetValue(curated)),
                    NameFolds: parse.GetValue(nameFolds),
                    ClusterLevels: parse.GetValue(clusters) ?? [],
                    ClusterMinimumCount: parse.GetValue(clusterMinCount),
                    ClusterText: parse.GetValue(clusterText) ?? [],
                    DevMode: parse.GetValue(devEndToEnd) ? EvaluationMode.EndToEnd : EvaluationMode.GoldTokens);
                var result = ModelTrainer.Train(plan);
                string path = parse.GetValue(output)!;
                string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
                if (directory != null) Directory.CreateDirectory(directory);
                var data = result.Model.Data with { Metadata = ModelDescription.For(plan, result.Model.Data, ModelDescription.Today()) };
                using (var stream = File.Create(path)) ModelFile.Write(data, stream);
                Console.Error.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
                return 0;
        }));
        return command;
    }
}
