using System.CommandLine;
using System.Diagnostics;
using EntityExtraction.Cli;

ExtractTimings.MainStarted = Stopwatch.GetTimestamp();
if (args.Contains("--timings"))
    ExtractTimings.StartupMilliseconds = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

if (TrainingVerbs.Hint(args) is { } movedVerb)
{
    Console.Error.WriteLine(movedVerb);
    return CommandErrors.Usage;
}

var root = new RootCommand("EntityExtraction: French tokenization and named-entity recognition. Training, evaluation and data building are in the entity-extraction-train tool.")
{
    TokenizeCommand.Create(),
    ExtractCommand.Create(),
    PseudonymizeCommand.Create(),
    RestoreCommand.Create(),
};
return CommandLineHost.Run(root, args);
