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
return root.Parse(args).Invoke();
