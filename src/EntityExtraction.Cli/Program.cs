using System.CommandLine;
using System.Diagnostics;
using EntityExtraction.Cli;

ExtractTimings.MainStarted = Stopwatch.GetTimestamp();
if (args.Contains("--timings"))
    ExtractTimings.StartupMilliseconds = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

// --verbose anywhere: unexpected errors also print their stack trace (for bug reports).
bool verbose = args.Contains("--verbose");
args = [.. args.Where(a => a != "--verbose")];

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

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
    return CommandErrors.UsageError(parsed);
try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (StandardOutput.IsClosedPipe(e))
{
    return StandardOutput.ClosedPipeExitCode;
}
catch (Exception e) when (!verbose)
{
    return CommandErrors.Unexpected(e);
}
