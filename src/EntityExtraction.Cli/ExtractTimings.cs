using System.Diagnostics;
using EntityExtraction.Pipeline;

namespace EntityExtraction.Cli;

/// <summary>
/// <c>extract --timings</c>: where one run's time goes, from the process start to the last byte written, printed on
/// standard error. The pipeline's own stages come from <see cref="StageTimings"/>; the first call of each stage also
/// pays for its JIT compilation, which is part of what a user waits for.
/// </summary>
internal sealed class ExtractTimings
{
    /// <summary>When <c>Main</c> began, and how long the runtime took to get there (set by Program).</summary>
    public static long MainStarted { get; set; } = Stopwatch.GetTimestamp();

    public static double StartupMilliseconds { get; set; }

    public StageTimings Stages { get; } = new();

    public long Load { get; set; }

    public long Read { get; set; }

    public long Write { get; set; }

    public void Print(TextWriter error)
    {
        long end = Stopwatch.GetTimestamp();
        double total = StartupMilliseconds + StageTimings.Milliseconds(end - MainStarted);
        double pipeline = StageTimings.Milliseconds(Stages.Tokenize + Stages.Model + Stages.Gazetteer + Stages.Document + Stages.Materialise);
        double accounted = StartupMilliseconds + StageTimings.Milliseconds(Load + Read + Write) + pipeline;
        error.WriteLine("timings (ms, whole process):");
        Line(error, "runtime start-up, to Main", StartupMilliseconds, total);
        Line(error, "model and gazetteer load", StageTimings.Milliseconds(Load), total);
        Line(error, "read and decode input", StageTimings.Milliseconds(Read), total);
        Line(error, "tokenize", StageTimings.Milliseconds(Stages.Tokenize), total);
        Line(error, "model: features, Viterbi, marginals", StageTimings.Milliseconds(Stages.Model), total);
        Line(error, "gazetteer matching", StageTimings.Milliseconds(Stages.Gazetteer), total);
        Line(error, "document stage (merge, vote, mentions)", StageTimings.Milliseconds(Stages.Document), total);
        Line(error, "entity objects", StageTimings.Milliseconds(Stages.Materialise), total);
        Line(error, "write output", StageTimings.Milliseconds(Write), total);
        Line(error, "other (parsing options, exit)", total - accounted, total);
        Line(error, "total", total, total);
    }

    private static void Line(TextWriter error, string stage, double milliseconds, double total) =>
        error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {stage,-40} {milliseconds,9:F1} {100 * milliseconds / total,5:F1} %"));
}
