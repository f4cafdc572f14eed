using System.Diagnostics;

namespace EntityExtraction.Pipeline;

/// <summary>
/// Where the time of <see cref="FrenchEntityExtractor.Extract(string, CancellationToken)"/> goes, stage by stage, summed
/// over the calls it is given to (the command line's <c>extract --timings</c>). Not thread-safe: one per thread.
/// </summary>
internal sealed class StageTimings
{
    public long Tokenize { get; private set; }

    public long Model { get; private set; }

    public long Gazetteer { get; private set; }

    public long Document { get; private set; }

    public long Materialise { get; private set; }

    public static long Now => Stopwatch.GetTimestamp();

    public void AddTokenize(long since) => Tokenize += Stopwatch.GetTimestamp() - since;

    public void AddModel(long since) => Model += Stopwatch.GetTimestamp() - since;

    public void AddGazetteer(long since) => Gazetteer += Stopwatch.GetTimestamp() - since;

    public void AddDocument(long since) => Document += Stopwatch.GetTimestamp() - since;

    public void AddMaterialise(long since) => Materialise += Stopwatch.GetTimestamp() - since;

    /// <summary>A timestamp difference in milliseconds.</summary>
    /// <summary>
    /// Adds the wall time of a tagging section whose chunks ran on several threads, shared between the model and the
    /// gazetteers as their summed thread times were (<paramref name="parts"/>), so that the stages still add up to
    /// the elapsed time of the run.
    /// </summary>
    public void AddParallelTagging(long since, IEnumerable<StageTimings> parts)
    {
        long wall = Stopwatch.GetTimestamp() - since;
        long model = 0, gazetteer = 0;
        foreach (var part in parts)
        {
            model += part.Model;
            gazetteer += part.Gazetteer;
        }
        long modelShare = model + gazetteer == 0 ? wall : (long)((double)wall * model / (model + gazetteer));
        Model += modelShare;
        Gazetteer += wall - modelShare;
    }

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
