namespace EntityExtraction.Cli;

/// <summary>
/// Turns the expected failures of a verb (missing file, malformed input, invalid model, bad option value)
/// into one line on standard error and exit code 1, instead of a stack trace.
/// </summary>
internal static class CommandErrors
{
    public static int Run(string verb, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{verb}: {e.Message}");
            return 1;
        }
    }
}
