using System.CommandLine;
using EntityExtraction.Cli;

var root = new RootCommand("EntityExtraction: French tokenization and named-entity recognition.")
{
    TokenizeCommand.Create(),
};
return root.Parse(args).Invoke();
