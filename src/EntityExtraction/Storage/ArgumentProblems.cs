namespace EntityExtraction.Storage;

/// <summary>
/// The problem an <see cref="ArgumentException"/> states, in the terms of whoever wrote the input: .NET appends
/// " (Parameter 'x')" to the message, but a user who wrote a gazetteer line, a setting or an image never wrote x.
/// </summary>
internal static class ArgumentProblems
{
    /// <summary>The first line of the message, up to the parameter note.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception.Message;
        int parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (parameter >= 0) message = message[..parameter];
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        if (newline >= 0) message = message[..newline];
        return message.TrimEnd();
    }
}
