using System.CommandLine;
using EntityExtraction.Cli;

var root = new RootCommand("EntityExtraction: French tokenization and named-entity recognition.")
{
    TokenizeCommand.Create(),
    BuildGazetteerCommand.Create(),
};
return root.Parse(args).Invoke();
