using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EntityExtraction.WebApi;

/// <summary>Healthy when the extractor is loaded and answers: it tags one sentence.</summary>
internal sealed class ExtractorHealthCheck(IFrenchEntityExtractor extractor) : IHealthCheck
{
    private const string Probe = "Jean Dupont travaille chez IBM à Paris.";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var entities = extractor.Extract(Probe, cancellationToken);
        var info = extractor.ModelInfo;
        string trained = info.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";
        return Task.FromResult(HealthCheckResult.Healthy(
            $"model format {info.FormatVersion}, trained {trained}; {entities.Count} entities in the probe sentence"));
    }
}
