using System.Collections.Concurrent;
using System.Globalization;

namespace EntityExtraction.ML;

/// <summary>
/// The options of one transform in the form a model saves them: a short text (<see cref="Encode"/>) kept in the
/// model, read back by <see cref="Decode"/> when the model runs. The text is versioned, so that a model saved by a
/// later, different format is refused with a message instead of being misread.
/// </summary>
internal sealed class TransformSettings
{
    /// <summary>The format's marker and version; the first field of every encoded text.</summary>
    internal const string FormatTag = "EntityExtraction.ML/1";

    private static readonly ConcurrentDictionary<string, IFrenchEntityExtractor> Extractors = new(StringComparer.Ordinal);

    private TransformSettings(IReadOnlyList<EntityType> entityTypes, float minimumConfidence, bool useGazetteer)
    {
        EntityTypes = entityTypes;
        MinimumConfidence = minimumConfidence;
        UseGazetteer = useGazetteer;
    }

    /// <summary>The types reported, distinct, in <see cref="EntityType"/> order.</summary>
    internal IReadOnlyList<EntityType> EntityTypes { get; }

    /// <summary>The minimum confidence, in [0, 1].</summary>
    internal float MinimumConfidence { get; }

    /// <summary>Whether the gazetteer completes the model.</summary>
    internal bool UseGazetteer { get; }

    /// <summary>The default settings, those of <see cref="FrenchEntityExtractor.CreateDefault"/>.</summary>
    internal static TransformSettings Default { get; } = new([EntityType.Person, EntityType.Organization, EntityType.Location], 0f, true);

    /// <summary>Checks the caller's options and puts their types in one order, so equal options encode equally.</summary>
    /// <exception cref="ArgumentException">No type, or an undefined one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The minimum confidence is outside [0, 1] or NaN.</exception>
    internal static TransformSettings From(ExtractFrenchEntitiesOptions? options)
    {
        if (options is null)
            return Default;
        if (options.EntityTypes is null || options.EntityTypes.Count == 0)
            throw new ArgumentException("ExtractFrenchEntities: at least one entity type is required.", nameof(options));
        foreach (var type in options.EntityTypes)
        {
            if (!Enum.IsDefined(type))
                throw new ArgumentException($"ExtractFrenchEntities: {(int)type} is not an EntityType.", nameof(options));
        }
        float minimum = options.MinimumConfidence;
        if (float.IsNaN(minimum) || minimum < 0f || minimum > 1f)
            throw new ArgumentOutOfRangeException(nameof(options), minimum, "ExtractFrenchEntities: the minimum confidence must be between 0 and 1.");
        return new([.. options.EntityTypes.Distinct().Order()], minimum, options.UseGazetteer);
    }

    /// <summary>The text a model keeps: <c>EntityExtraction.ML/1;types=PER,ORG;min=0.5;gazetteer=true</c>.</summary>
    internal string Encode() => string.Create(CultureInfo.InvariantCulture,
        $"{FormatTag};types={string.Join(',', EntityTypes.Select(t => t.ToCode()))};min={MinimumConfidence:R};gazetteer={(UseGazetteer ? "true" : "false")}");

    /// <summary>Reads a text written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not one, or was written by another version of the format.</exception>
    internal static TransformSettings Decode(string encoded)
    {
        var fields = encoded.Split(';');
        if (fields[0] != FormatTag)
        {
            throw new InvalidDataException(fields[0].StartsWith("EntityExtraction.ML/", StringComparison.Ordinal)
                ? $"This model's ExtractFrenchEntities settings are in format '{fields[0]}', which this version of EntityExtraction.ML ({FormatTag}) does not read: use the version that saved the model, or a later one."
                : $"'{encoded}' is not an ExtractFrenchEntities setting.");
        }
        if (fields.Length != 4
            || !TryField(fields[1], "types", out var types)
            || !TryField(fields[2], "min", out var min)
            || !TryField(fields[3], "gazetteer", out var gazetteer)
            || !float.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out float minimum)
            || !bool.TryParse(gazetteer, out bool useGazetteer))
        {
            throw new InvalidDataException($"'{encoded}' is not an ExtractFrenchEntities setting.");
        }
        var entityTypes = new List<EntityType>();
        foreach (var code in types.Split(','))
        {
            if (!EntityTypeCodes.TryParse(code, out var type))
                throw new InvalidDataException($"'{encoded}' is not an ExtractFrenchEntities setting: '{code}' is not an entity type.");
            entityTypes.Add(type);
        }
        try
        {
            return From(new ExtractFrenchEntitiesOptions { EntityTypes = entityTypes, MinimumConfidence = minimum, UseGazetteer = useGazetteer });
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{encoded}' is not an ExtractFrenchEntities setting: {e.Message}", e);
        }
    }

    /// <summary>
    /// The extractor for an encoded setting, built once per distinct setting and shared by every transform and
    /// thread: the default one is <see cref="FrenchEntityExtractor.CreateDefault"/>, the others share its model and
    /// gazetteer.
    /// </summary>
    internal static IFrenchEntityExtractor ExtractorFor(string encoded) => Extractors.GetOrAdd(encoded, static e =>
    {
        if (e == Default.Encode())
            return FrenchEntityExtractor.CreateDefault();
        var settings = Decode(e);
        return FrenchEntityExtractor.CreateBuilder()
            .WithEntityTypes([.. settings.EntityTypes])
            .WithMinimumConfidence(settings.MinimumConfidence)
            .UseGazetteer(settings.UseGazetteer)
            .Build();
    });

    private static bool TryField(string field, string name, out string value)
    {
        value = field.StartsWith(name + "=", StringComparison.Ordinal) ? field[(name.Length + 1)..] : "";
        return value.Length > 0;
    }
}
