using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EntityExtraction.Extensions.DependencyInjection;

/// <summary>Registers EntityExtraction's French entity extractor in a service collection.</summary>
public static class EntityExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="IFrenchEntityExtractor"/> singleton, built on first use from
    /// <see cref="FrenchEntityExtractionOptions"/> (validated when the host starts), logging through
    /// <c>ILogger</c> and measured through the meter <c>EntityExtraction</c>. Calling it again only adds configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options in code, for example <c>options => options.AddGazetteerFile("clients.tsv")</c>.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddFrenchEntityExtraction(this IServiceCollection services, Action<FrenchEntityExtractionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FrenchEntityExtractionOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FrenchEntityExtractionOptions>, FrenchEntityExtractionOptionsValidator>());
        services.TryAddSingleton(ExtractorFactory.Create);
        return services;
    }

    /// <summary>
    /// <see cref="AddFrenchEntityExtraction(IServiceCollection, Action{FrenchEntityExtractionOptions})"/>, the options
    /// bound from <paramref name="configuration"/> (usually the section <see cref="FrenchEntityExtractionOptions.DefaultSectionName"/>)
    /// before <paramref name="configure"/> runs.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <param name="configure">Further settings in code.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddFrenchEntityExtraction(this IServiceCollection services, IConfiguration configuration, Action<FrenchEntityExtractionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FrenchEntityExtractionOptions>().Configure(options => OptionsConfiguration.Apply(configuration, options));
        return services.AddFrenchEntityExtraction(configure);
    }
}
