using Microsoft.Win32.SafeHandles;

namespace EntityExtraction.Cli;

/// <summary>
/// Standard output for the verbs' results. On Unix, .NET's console stream silently drops writes to a closed pipe, so
/// <c>extract big.jsonl | head</c> would tag the whole file for nothing; a plain stream over descriptor 1 reports the
/// closed pipe instead, and the verb stops quietly (<see cref="IsClosedPipe"/>, exit code 141 as after SIGPIPE).
/// </summary>
internal static class StandardOutput
{
    /// <summary>The exit code of a process stopped by a closed output pipe, as shells report SIGPIPE (128 + 13).</summary>
    public const int ClosedPipeExitCode = 141;

    private const int BrokenPipeErrno = 32;

    /// <summary>
    /// A stream over standard output. Only a pipe or a socket gets the plain stream: a regular file keeps .NET's console
    /// stream, because a file stream writes at its own position and would not move the descriptor's offset that other
    /// writers (and a shell's <c>&gt;&gt;</c>) rely on.
    /// </summary>
    public static Stream Open()
    {
        if (OperatingSystem.IsWindows()) return Console.OpenStandardOutput();
        var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (!stream.CanSeek) return stream;
        stream.Dispose();
        return Console.OpenStandardOutput();
    }

    /// <summary>Whether <paramref name="e"/> says the reader of standard output has gone.</summary>
    public static bool IsClosedPipe(Exception e) =>
        e is IOException { HResult: BrokenPipeErrno } || (e is IOException && e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase));
}
