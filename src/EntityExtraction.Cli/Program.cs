using System.CommandLine;
using EntityExtraction.Cli;

var root = new RootCommand("EntityExtraction: French tokenization and named-entity recognition.")
{
    TokenizeCommand.Create(),
    BuildGazetteerCommand.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    ExtractCommand.Create(),
    BuildLexiconsCommand.Create(),
};
foreach (var option in root.Options.OfType<VersionOption>())
    option.Action = new VersionAction();
return root.Parse(args).Invoke();
