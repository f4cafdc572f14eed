using EntityExtraction.Gazetteers;
using EntityExtraction.Model;

namespace EntityExtraction;

/// <summary>
/// Configures a <see cref="FrenchEntityExtractor"/>. Start from <see cref="FrenchEntityExtractor.CreateBuilder"/>;
/// every setting has a default, so <c>CreateBuilder().Build()</c> equals <see cref="FrenchEntityExtractor.CreateDefault"/>.
/// A builder is not thread-safe; the extractor it builds is.
/// </summary>
public sealed class FrenchEntityExtractorBuilder
{
    private readonly List<Gazetteer> _extraGazetteers = [];
    private NerModel? _model;
    private bool _useGazetteer = true;
    private bool _useDefaultGazetteer = true;
    private EntityType[] _entityTypes = Enum.GetValues<EntityType>();
    private float _minimumConfidence;
    private int _maxDegreeOfParallelism = -1;

    internal FrenchEntityExtractorBuilder()
    {
    }

    /// <summary>Uses <paramref name="model"/> instead of the embedded default model.</summary>
    /// <param name="model">A loaded model.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public FrenchEntityExtractorBuilder UseModel(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        return this;
    }

    /// <summary>Loads the model to use from <paramref name="stream"/> (a file written by the <c>train</c> command).</summary>
    /// <param name="stream">A readable stream positioned at the start of the model.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream is not a valid model.</exception>
    public FrenchEntityExtractorBuilder UseModel(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _model = NerModel.Load(stream);
        return this;
    }

    /// <summary>Loads the model to use from the file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of a model file written by the <c>train</c> command.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model.</exception>
    public FrenchEntityExtractorBuilder UseModelFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _model = NerModel.Load(path);
        return this;
    }

    /// <summary>Turns the gazetteer fallback on (the default) or off entirely, extra gazetteers included.</summary>
    /// <param name="enabled">False to use the model alone.</param>
    /// <returns>This builder.</returns>
    public FrenchEntityExtractorBuilder UseGazetteer(bool enabled = true)
    {
        _useGazetteer = enabled;
        return this;
    }

    /// <summary>Includes (the default) or leaves out the embedded default gazetteer; extra gazetteers still apply.</summary>
    /// <param name="enabled">False to match only the gazetteers added with <see cref="AddGazetteer(Gazetteer)"/>.</param>
    /// <returns>This builder.</returns>
    public FrenchEntityExtractorBuilder UseDefaultGazetteer(bool enabled = true)
    {
        _useDefaultGazetteer = enabled;
        return this;
    }

    /// <summary>
    /// Adds a gazetteer to the fallback, on top of the default one. Its names are trusted as given: they are
    /// reported wherever the model found nothing, and win over the default gazetteer where both match.
    /// </summary>
    /// <param name="gazetteer">The gazetteer.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    public FrenchEntityExtractorBuilder AddGazetteer(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _extraGazetteers.Add(gazetteer);
        return this;
    }

    /// <summary>Adds the entries of a TSV gazetteer file (<c>name&lt;TAB&gt;type[&lt;TAB&gt;canonical[&lt;TAB&gt;alias|alias…]]</c>).</summary>
    /// <param name="path">Path of the TSV file.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed; the message names the file and line number.</exception>
    public FrenchEntityExtractorBuilder AddGazetteerFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return AddGazetteer(Gazetteer.LoadTsv(path));
    }

    /// <summary>Adds entries written in code.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public FrenchEntityExtractorBuilder AddGazetteerEntries(IEnumerable<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return AddGazetteer(Gazetteer.FromEntries(entries));
    }

    /// <summary>Reports only these entity types (default: all).</summary>
    /// <param name="types">At least one type.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="types"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="types"/> is empty or holds an undefined value.</exception>
    public FrenchEntityExtractorBuilder WithEntityTypes(params EntityType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (types.Length == 0)
            throw new ArgumentException("At least one entity type is required.", nameof(types));
        foreach (var type in types)
        {
            if (!Enum.IsDefined(type))
                throw new ArgumentException($"{(int)type} is not an EntityType.", nameof(types));
        }
        _entityTypes = [.. types.Distinct().Order()];
        return this;
    }

    /// <summary>Drops entities whose confidence is below <paramref name="minimumConfidence"/> (default 0: keep all).</summary>
    /// <param name="minimumConfidence">A threshold in [0, 1].</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside [0, 1] or NaN.</exception>
    public FrenchEntityExtractorBuilder WithMinimumConfidence(float minimumConfidence)
    {
        if (float.IsNaN(minimumConfidence) || minimumConfidence < 0f || minimumConfidence > 1f)
            throw new ArgumentOutOfRangeException(nameof(minimumConfidence), minimumConfidence, "The minimum confidence must be between 0 and 1.");
        _minimumConfidence = minimumConfidence;
        return this;
    }

    /// <summary>
    /// Limits how many threads one call may use: the chunks of a long document (about 4,096 tokens each) and the
    /// documents of <see cref="FrenchEntityExtractor.ExtractMany"/> are tagged in parallel by default. A server that
    /// already runs one request per core may want 1. The results do not depend on it.
    /// </summary>
    /// <param name="maxDegreeOfParallelism">A positive number of threads, or -1 (the default) for no limit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public FrenchEntityExtractorBuilder WithMaxDegreeOfParallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism must be positive, or -1 for no limit.");
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        return this;
    }

    /// <summary>Builds the extractor. The builder can be changed and built again afterwards.</summary>
    /// <returns>An immutable, thread-safe extractor.</returns>
    public FrenchEntityExtractor Build()
    {
        bool wantsDefaultGazetteer = _useGazetteer && _useDefaultGazetteer;
        if (wantsDefaultGazetteer && _model is null && !NerModel.IsDefaultLoaded && !Gazetteer.IsDefaultLoaded)
            PreloadDefaultGazetteer();
        var model = _model ?? NerModel.Default;
        var defaultGazetteer = wantsDefaultGazetteer ? Gazetteer.Default : null;
        Gazetteer? callerGazetteer = !_useGazetteer || _extraGazetteers.Count == 0 ? null
            : _extraGazetteers.Count == 1 ? _extraGazetteers[0]
            : Gazetteer.Combine(_extraGazetteers);
        return new FrenchEntityExtractor(model, defaultGazetteer, callerGazetteer, Array.AsReadOnly(_entityTypes.ToArray()), _minimumConfidence, _maxDegreeOfParallelism);
    }

    /// <summary>
    /// Starts building the default gazetteer on the thread pool while the caller loads the default model: both
    /// take about as long, so a first extractor is ready in the time of the slower one on a machine with two cores
    /// or more. Both are lazy values that run their loader once: the caller's own access to
    /// <see cref="Gazetteer.Default"/> waits for the background load if it is under way, or runs it if the pool has
    /// not got to it — never twice, never a deadlock.
    /// </summary>
    private static void PreloadDefaultGazetteer()
    {
        ThreadPool.UnsafeQueueUserWorkItem(static _ =>
        {
            try
            {
                _ = Gazetteer.Default;
            }
            catch (Exception)
            {
                // Whatever failed is kept by the lazy value and thrown again by the caller's own access to
                // Gazetteer.Default, on the caller's thread; escaping here it would end the process.
            }
        }, null);
    }
}
