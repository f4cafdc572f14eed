using System.Collections.ObjectModel;

namespace EntityExtraction.Pseudonymization;

/// <summary>
/// What <see cref="FrenchEntityExtractor.Pseudonymize"/> replaces and how. Immutable: set properties with an object
/// initializer or derive with <see cref="With"/>. By default persons only, as numbered tags, as French practice does;
/// organisations and places are opt-in.
/// </summary>
public sealed class PseudonymizationOptions
{
    private static readonly ReadOnlyDictionary<EntityType, PseudonymizationOperator> PersonsAsTags =
        new(new Dictionary<EntityType, PseudonymizationOperator> { [EntityType.Person] = PseudonymizationOperator.Tag });

    private readonly IReadOnlyDictionary<EntityType, PseudonymizationOperator> _operators = PersonsAsTags;
    private readonly float _minimumConfidence;
    private readonly byte[]? _key;

    /// <summary>Persons as <see cref="PseudonymizationOperator.Tag"/>, every confidence, no key, a new map.</summary>
    public static PseudonymizationOptions Default { get; } = new();

    /// <summary>
    /// The recall-oriented setting (chosen on WiNER dev, docs/pseudonymization.md): <see cref="FavorRecall"/> on, every
    /// confidence. It removes more of the names the model hesitates on, at the cost of removing a few words that are
    /// not names.
    /// </summary>
    public static PseudonymizationOptions RecallOriented { get; } = new() { FavorRecall = true };

    /// <summary>The operator of each entity type to replace; types not listed stay. Default: <c>Person → Tag</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Empty, or <see cref="PseudonymizationOperator.Surrogate"/> for a type other than persons.</exception>
    public IReadOnlyDictionary<EntityType, PseudonymizationOperator> Operators
    {
        get => _operators;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0)
                throw new ArgumentException("Operators is empty: name at least one entity type to replace.", nameof(Operators));
            foreach (var (type, op) in value)
            {
                if (!Enum.IsDefined(type))
                    throw new ArgumentException($"Operators names an unknown entity type ({(int)type}).", nameof(Operators));
                if (!Enum.IsDefined(op))
                    throw new ArgumentException($"Operators gives {type.ToCode()} an unknown operator ({(int)op}).", nameof(Operators));
                if (op == PseudonymizationOperator.Surrogate && type != EntityType.Person)
                    throw new ArgumentException($"Surrogate replaces persons only; give {type.ToCode()} Tag, Mask, Redact or Hash.", nameof(Operators));
            }
            _operators = new ReadOnlyDictionary<EntityType, PseudonymizationOperator>(value.ToDictionary(p => p.Key, p => p.Value));
        }
    }

    /// <summary>Entities whose confidence is below this value stay in the text (0, the default, replaces all).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 0 and 1.</exception>
    public float MinimumConfidence
    {
        get => _minimumConfidence;
        init
        {
            if (!(value is >= 0f and <= 1f))
                throw new ArgumentOutOfRangeException(nameof(MinimumConfidence), value, "MinimumConfidence must be between 0 and 1.");
            _minimumConfidence = value;
        }
    }

    /// <summary>
    /// Err towards removing: an organisation or place the model found that reads as a person (a known first name and a
    /// capitalised word) is replaced as a person, a known first name followed by a capitalised word is replaced even
    /// where the model saw nothing, and the first names of replaced persons are replaced wherever they recur.
    /// </summary>
    public bool FavorRecall { get; init; }

    /// <summary>
    /// Informal text (chat, e-mail, transcripts) that writes names in lower case: a known first name in lower case, and
    /// the word after it when that is not a common French word, are read as capitalised, and the names found are
    /// replaced wherever they recur whatever their case. Off by default: on edited text it adds nothing.
    /// </summary>
    public bool InformalText { get; init; }

    /// <summary>
    /// The secret key of <see cref="PseudonymizationOperator.Hash"/> (at least 16 bytes) and of the draw of surrogates.
    /// The map records its fingerprint, so a map is refused with another key. A copy is kept.
    /// </summary>
    /// <exception cref="ArgumentException">Shorter than 16 bytes.</exception>
    public byte[]? Key
    {
        get => _key?.ToArray();
        init
        {
            if (value is not null && value.Length < 16)
                throw new ArgumentException($"Key must be at least 16 bytes (got {value.Length}).", nameof(Key));
            _key = value?.ToArray();
        }
    }

    /// <summary>
    /// The map to continue: pseudonyms already given in earlier calls are reused, new ones are added to it. Null (the
    /// default): each call starts a new map, returned in <see cref="PseudonymizationResult.Map"/>.
    /// </summary>
    public PseudonymMap? Map { get; init; }

    /// <summary>These options with <paramref name="type"/> replaced by <paramref name="op"/>.</summary>
    public PseudonymizationOptions With(EntityType type, PseudonymizationOperator op)
    {
        var operators = _operators.ToDictionary(p => p.Key, p => p.Value);
        operators[type] = op;
        return new PseudonymizationOptions
        {
            Operators = operators, MinimumConfidence = _minimumConfidence, FavorRecall = FavorRecall, InformalText = InformalText, Key = _key, Map = Map,
        };
    }

    internal ReadOnlySpan<byte> KeySpan => _key;

    internal bool HasKey => _key is not null;

    internal void Validate()
    {
        if (!HasKey && _operators.Values.Contains(PseudonymizationOperator.Hash))
            throw new ArgumentException("The Hash operator needs a Key (at least 16 secret bytes).", nameof(Key));
    }
}
