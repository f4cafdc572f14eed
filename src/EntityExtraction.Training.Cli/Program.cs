using System.CommandLine;
using EntityExtraction.Cli;
using EntityExtraction.Training.Cli;

var root = new RootCommand("EntityExtraction training tools: train and evaluate models, build the gazetteer and the name lexicons. Run from the repository root, beside ../shared/data.")
{
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    EvaluatePseudonymizationCommand.Create(),
    BuildGazetteerCommand.Create(),
    BuildLexiconsCommand.Create(),
    BuildNamesCommand.Create(),
    CompileModelCommand.Create(),
    ExportOpenNlpCommand.Create(),
};
return CommandLineHost.Run(root, args);
