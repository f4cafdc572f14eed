using System.CommandLine;
using EntityExtraction.Cli;
using EntityExtraction.Training.Pseudonymization;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// <c>build-names [--gazetteer-sources DIR] --out FILE</c>: compiles the first names (with their gender) and surnames
/// that pseudonymisation recognises and draws surrogates from, into the resource the library embeds
/// (<c>src/EntityExtraction.Data/Resources/default.names</c>).
/// </summary>
internal static class BuildNamesCommand
{
    public static Command Create()
    {
        var sources = new Option<string>("--gazetteer-sources") { Description = "Folder of lexicon sources (hunspell-fr-comprehensive/fr.dic is read).", DefaultValueFactory = _ => DefaultPaths.GazetteerSources };
        var output = new Option<string>("--out") { Description = "Person-name resource to write.", Required = true };
        var command = new Command("build-names", "Compile the first names and surnames of pseudonymisation from the hunspell dictionary.") { sources, output };
        command.SetAction(parse => CommandErrors.Run("build-names", () =>
        {
            string folder = parse.GetValue(sources)!;
            DefaultPaths.RequireFolder(folder, "--gazetteer-sources", "the gazetteer-sources folder");
            string path = parse.GetValue(output)!;
            (int firstNames, int surnames) counts;
            using (var file = File.Create(path))
                counts = PersonNameSource.Compile(PersonNameSource.DictionaryPath(folder), file);
            Console.Error.WriteLine($"wrote {path}: {counts.firstNames:N0} first names, {counts.surnames:N0} surnames ({new FileInfo(path).Length:N0} bytes)");
            return 0;
        }));
        return command;
    }
}
