using System.CommandLine;
using EntityExtraction.Cli;
using EntityExtraction.Training.Learning;
using EntityExtraction.Training.Lexicons;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// <c>build-lexicons [--gazetteer-sources DIR] [--names-from FILE...] [--curated DIR] --out FILE</c>: compiles the name lexicons
/// the model's features use (first names, surnames, places, countries, titles, organisation words, common French
/// words, names harvested from CoNLL files, the curated organisation and place lists) into a compact file that <c>train --lexicons</c> embeds in the model.
/// </summary>
internal static class BuildLexiconsCommand
{
    public static Command Create()
    {
        var sources = new Option<string>("--gazetteer-sources") { Description = "Folder of lexicon sources.", DefaultValueFactory = _ => DefaultPaths.GazetteerSources };
        var names = new Option<string[]>("--names-from") { Description = "CoNLL files whose entity words are harvested as names.", AllowMultipleArgumentsPerToken = true };
        var curated = new Option<string>("--curated") { Description = "Folder of the hand-curated organisation and place lists (*.tsv) added to the lexicons; 'none' leaves them out.", DefaultValueFactory = _ => DefaultPaths.CuratedLists };
        var output = new Option<string>("--out") { Description = "Compiled lexicon file to write.", Required = true };
        var command = new Command("build-lexicons", "Compile the model's name lexicons from gazetteer sources and annotated corpora.") { sources, names, curated, output };
        command.SetAction(parse => CommandErrors.Run("build-lexicons", () =>
        {
                var lexicon = ModelTrainer.BuildLexicon(parse.GetValue(sources), parse.GetValue(names) ?? [], DefaultPaths.OrNone(parse.GetValue(curated)));
                string path = parse.GetValue(output)!;
                LexiconFile.Write(lexicon, path);
                Console.Error.WriteLine($"wrote {path}: {lexicon.Count:N0} words ({new FileInfo(path).Length:N0} bytes)");
                return 0;
        }));
        return command;
    }
}
