using Microsoft.Extensions.Logging;

namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>What the package logs, as source-generated log methods (no formatting unless the level is enabled).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "French entity extractor ready in {ElapsedMilliseconds} ms: {Model} (format {FormatVersion}, trained {Trained}); default gazetteer {DefaultGazetteer}, {GazetteerFileCount} gazetteer files; types {EntityTypes}, minimum confidence {MinimumConfidence}")]
    public static partial void ExtractorReady(ILogger logger, long elapsedMilliseconds, string model, int formatVersion, string trained,
        bool defaultGazetteer, int gazetteerFileCount, string entityTypes, float minimumConfidence);
}
