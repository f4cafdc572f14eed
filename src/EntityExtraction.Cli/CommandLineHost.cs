using System.CommandLine;

namespace EntityExtraction.Cli;

/// <summary>
/// Runs a tool's root command under the error contract of <see cref="CommandErrors"/>, shared by
/// <c>entity-extraction</c> and <c>entity-extraction-train</c> so both tools answer mistakes the same way.
/// </summary>
internal static class CommandLineHost
{
    public static int Run(RootCommand root, string[] args)
    {
        // --verbose anywhere: unexpected errors also print their stack trace (for bug reports).
        bool verbose = args.Contains("--verbose");
        args = [.. args.Where(a => a != "--verbose")];

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
            return CommandErrors.Unexpected(root.Name, e);
        }
    }
}
