using System.CommandLine;
using EntityExtraction.Cli;
using EntityExtraction.Gazetteers;
using EntityExtraction.Training.Gazetteers;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// <c>build-gazetteer</c>: compiles the default gazetteer resource from <c>../shared/data</c> and the curated TSV
/// files, and optionally scores it alone on the dev sets, with and without the common-word guard.
/// </summary>
internal static class BuildGazetteerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder.", DefaultValueFactory = _ => DefaultPaths.SharedData };
        var curated = new Option<string>("--curated") { Description = "Folder of curated *.tsv gazetteer files.", DefaultValueFactory = _ => DefaultPaths.CuratedLists };
        var output = new Option<string>("--output") { Description = "Where to write the compiled gazetteer.", DefaultValueFactory = _ => "src/EntityExtraction.Data/Resources/default.gazetteer" };
        var minPopulation = new Option<int>("--min-ambiguous-commune-population")
        {
            Description = "Keep a commune whose name is a common word or a first name only from this population on.",
            DefaultValueFactory = _ => 10_000,
        };
        var minCommunePopulation = new Option<int>("--min-commune-population")
        {
            Description = "Leave out communes below this population.",
            DefaultValueFactory = _ => 0,
        };
        var evaluate = new Option<bool>("--evaluate") { Description = "Score the compiled gazetteer alone on the dev sets (winer.jsonl, news-fr-dev.jsonl, sequoia, europeana, wikiann), with and without the common-word guard." };
        var test = new Option<bool>("--test") { Description = "With --evaluate, also report on test/fenec.jsonl and test/sequoia.conll (reporting only: never tune on them)." };
        var falsePositives = new Option<string?>("--false-positives") { Description = "With --evaluate, write the guarded false positives (and, prefixed MISSED, the missed gold names) to this file." };
        var noWrite = new Option<bool>("--no-write") { Description = "Compile (and evaluate) without writing the resource." };
        var organisationLists = new Option<OrganisationListSources>("--organisation-lists")
        {
            Description = "General organisation lists added after the other sources: None, NameSuggestionIndex, CspellCompanies or Both.",
            DefaultValueFactory = _ => OrganisationListSources.NameSuggestionIndex,
        };
        var nsiScope = new Option<NameSuggestionScope>("--nsi-scope")
        {
            Description = "Which name-suggestion-index names: France (tied to France), FranceOrWikidataMultiWord (also names of several words with a Wikidata item) or FranceOrWikidata.",
            DefaultValueFactory = _ => NameSuggestionScope.France,
        };
        var noTransit = new Option<bool>("--nsi-no-transit") { Description = "Leave out the transit networks of name-suggestion-index." };
        var keepCommonWords = new Option<bool>("--keep-common-word-organisations") { Description = "Keep single-word names of the organisation lists that are common words (guarded) instead of dropping them." };
        var keepPhrases = new Option<bool>("--keep-common-word-phrase-organisations") { Description = "Keep names of several words of the organisation lists made of common words only." };
        var conllHarvestOnly = new Option<bool>("--harvest-conll-only") { Description = "Harvest names from the CoNLL training files only, not from the raw-text JSONL ones (WiNER-fr, the written set)." };
        var decisions = new Option<string?>("--organisation-decisions") { Description = "Write why each name of the organisation lists was kept or left out (source, verdict, name) to this file." };

        var command = new Command("build-gazetteer", "Compile the embedded default gazetteer (communes, countries, cities, curated organisations, names harvested from train/).")
        {
            data, curated, output, minPopulation, minCommunePopulation, evaluate, test, falsePositives, noWrite,
            organisationLists, nsiScope, noTransit, keepCommonWords, keepPhrases, decisions, conllHarvestOnly,
        };
        command.SetAction(parse => CommandErrors.Run("build-gazetteer", () => Run(
            new GazetteerCompiler.Options(parse.GetValue(data)!, parse.GetValue(curated)!, parse.GetValue(minPopulation), parse.GetValue(minCommunePopulation),
                parse.GetValue(organisationLists),
                new OrganisationLists.Settings(parse.GetValue(nsiScope), Transit: !parse.GetValue(noTransit), KeepCommonWords: parse.GetValue(keepCommonWords), KeepCommonWordPhrases: parse.GetValue(keepPhrases)),
                HarvestRawText: !parse.GetValue(conllHarvestOnly)),
            parse.GetValue(output)!, parse.GetValue(evaluate), parse.GetValue(test), parse.GetValue(falsePositives), parse.GetValue(noWrite), parse.GetValue(decisions))));
        return command;
    }

    private static int Run(GazetteerCompiler.Options options, string output, bool evaluate, bool test, string? falsePositivesPath, bool noWrite, string? decisionsPath)
    {
        DefaultPaths.RequireFolder(options.DataRoot, "--data", "the shared data folder");
        DefaultPaths.RequireFolder(options.CuratedDirectory, "--curated", "the curated lists folder");
        string? outputFolder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (!noWrite && outputFolder is not null && !Directory.Exists(outputFolder))
            throw new DirectoryNotFoundException($"The output folder '{outputFolder}' of --output does not exist. Run from the repository root, or give --output PATH.");
        var log = Console.Error;
        string data = options.DataRoot;
        var result = GazetteerCompiler.Compile(options, log);
        log.WriteLine($"total: {result.Entries.Count} entries, {result.Entries.Sum(e => 1 + e.Entry.Aliases.Count)} names with aliases");
        if (decisionsPath is not null)
            File.WriteAllLines(decisionsPath, result.OrganisationListDecisions);

        if (!noWrite)
        {
            result.Write(output);
            log.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes)");
        }

        if (evaluate)
        {
            var guarded = result.ToGazetteer();
            var unguarded = result.ToGazetteer(commonWordGuard: false);
            var falsePositives = new List<string>();
            string[] files = ["dev/winer.jsonl", "dev/news-fr-dev.jsonl", "dev/sequoia.conll", "dev/europeana.conll", "dev/wikiann.conll"];
            if (test)
                files = [.. files, "test/fenec.jsonl", "test/sequoia.conll"];
            foreach (string file in files)
            {
                string path = Path.Combine(data, "ner", file);
                Func<Gazetteer, GazetteerEvaluation.Score> score = file.EndsWith(".jsonl", StringComparison.Ordinal)
                    ? g => GazetteerEvaluation.OnJsonLines(g, path)
                    : g => GazetteerEvaluation.OnConll(g, path);
                var on = score(guarded);
                Console.WriteLine($"{file,-22} guard on : {on}");
                Console.WriteLine($"{file,-22} guard off: {score(unguarded)}");
                falsePositives.AddRange(on.FalsePositives.Select(f => file + "\t" + f));
                falsePositives.AddRange(on.Missed.Select(f => "MISSED\t" + file + "\t" + f));
            }
            if (falsePositivesPath is not null)
                File.WriteAllLines(falsePositivesPath, falsePositives);
        }
        return 0;
    }
}
