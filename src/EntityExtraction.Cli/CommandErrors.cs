using System.CommandLine;

namespace EntityExtraction.Cli;

/// <summary>
/// The command line's error contract (docs/reliability.md): a usage error prints one line and a hint to
/// <c>--help</c> on standard error and exits with 2; an input or runtime error (missing file, malformed input, invalid
/// model, bad option value) prints one line naming the file, line or option and exits with 1; nothing prints a stack
/// trace unless <c>--verbose</c> is given.
/// </summary>
internal static class CommandErrors
{
    public const int InputError = 1;
    public const int Usage = 2;

    public static int Run(string verb, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (StandardOutput.IsClosedPipe(e))
        {
            return StandardOutput.ClosedPipeExitCode;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException or UnauthorizedAccessException or OptionException)
        {
            Console.Error.WriteLine($"{verb}: {Describe(e)}");
            return e is OptionException ? Usage : InputError;
        }
    }

    /// <summary>The first parse error, in one line, and where to look.</summary>
    public static int UsageError(ParseResult parsed)
    {
        string tool = parsed.RootCommandResult.Command.Name;
        string verb = parsed.CommandResult.Command is RootCommand ? tool : $"{tool} {parsed.CommandResult.Command.Name}";
        // "Required command was not provided" says less than the unrecognized word that usually comes with it.
        var error = parsed.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parsed.Errors[0];
        Console.Error.WriteLine($"{verb}: {error.Message}");
        Console.Error.WriteLine($"Try '{verb} --help'.");
        return Usage;
    }

    /// <summary>An error no verb expected: one line, and how to get the details.</summary>
    public static int Unexpected(string tool, Exception e)
    {
        Console.Error.WriteLine($"{tool}: unexpected error: {Describe(e)}");
        Console.Error.WriteLine("Run again with --verbose for the details to report.");
        return InputError;
    }

    // .NET's argument messages end with "(Parameter 'x')" and "Actual value was …": the user did not write x.
    private static string Describe(Exception e) => EntityExtraction.Storage.ArgumentProblems.Describe(e);
}

/// <summary>An option value the command line refuses: a usage error (exit code 2), named by its option.</summary>
internal sealed class OptionException(string message) : Exception(message);
