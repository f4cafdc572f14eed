using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EntityExtraction.Pseudonymization;

/// <summary>
/// The pseudonyms given so far, so that successive documents share them, and the key to <see cref="Restore"/> their
/// originals. Pass it in <see cref="PseudonymizationOptions.Map"/> to continue it; save it with <see cref="Save"/> and
/// read it back with <see cref="Load"/>. It holds the original names: keep it as secret as the documents.
/// Thread-safe: calls that share a map update it one at a time.
/// </summary>
/// <remarks>
/// It records a fingerprint of the key it was first used with (or that there was none) and refuses another: the
/// surrogates and hashes it holds were drawn with that key. Mask and Redact are one-way and leave nothing in it.
/// </remarks>
public sealed class PseudonymMap
{
    /// <summary>The version of the JSON layout <see cref="Save"/> writes and <see cref="Load"/> reads.</summary>
    public const int FormatVersion = 1;

    private const string FormatName = "EntityExtraction.PseudonymMap";
    private const string NoKey = "none";

    private readonly object _gate = new();
    private readonly List<PseudonymIdentity> _identities = [];
    private readonly Dictionary<string, PseudonymIdentity> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PseudonymIdentity>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _originalOf = new(StringComparer.Ordinal);
    // The pseudonyms by first character, longest first: Restore's index, kept as forms are added so that a call does
    // not rebuild it from the whole map (a map shared by millions of documents).
    private readonly Dictionary<char, List<string>> _byFirstChar = [];
    private readonly HashSet<string> _surrogateWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[] _counters = new int[3];
    private string? _keyFingerprint;

    /// <summary>An empty map, bound to a key at its first use.</summary>
    public PseudonymMap()
    {
    }

    /// <summary>Number of persons and names it holds.</summary>
    public int Count
    {
        get { lock (_gate) return _identities.Count; }
    }

    /// <summary>The fingerprint of the key it is bound to (16 hex digits), <c>"none"</c> for a map made without a key,
    /// or null before its first use.</summary>
    public string? KeyFingerprint
    {
        get { lock (_gate) return _keyFingerprint; }
    }

    /// <summary>A snapshot of its entries, in order of first appearance.</summary>
    public IReadOnlyList<PseudonymMapEntry> Entries
    {
        get
        {
            lock (_gate)
                return _identities.Select(i => new PseudonymMapEntry(i.Identifier ?? "", i.Type, i.Operator, i.Forms.ToArray())).ToArray();
        }
    }

    internal object Gate => _gate;

    internal IReadOnlyList<PseudonymIdentity> Identities => _identities;

    internal ISet<string> SurrogateWords => _surrogateWords;

    /// <summary>
    /// Gives back the original of every pseudonym of this map in <paramref name="pseudonymizedText"/>: the text
    /// <see cref="FrenchEntityExtractor.Pseudonymize"/> made with it, byte for byte (see
    /// <see cref="PseudonymizationResult.IsReversible"/>). Masked and redacted names stay masked and redacted.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="pseudonymizedText"/> is null.</exception>
    /// <exception cref="InvalidDataException">The text holds a tag (<c>[PER_7]</c>) this map does not know: it was not
    /// pseudonymised with this map.</exception>
    public string Restore(string pseudonymizedText)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizedText);
        lock (_gate)
            return RestoreLocked(pseudonymizedText);
    }

    private string RestoreLocked(string pseudonymizedText)
    {
        string text = pseudonymizedText;
        var output = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            string? found = null;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && _byFirstChar.TryGetValue(text[i], out var candidates))
            {
                foreach (string pseudonym in candidates)
                {
                    int end = i + pseudonym.Length;
                    if (text.AsSpan(i).StartsWith(pseudonym, StringComparison.Ordinal)
                        && (end == text.Length || pseudonym[^1] == ']' || !char.IsLetterOrDigit(text[end])))
                    {
                        found = pseudonym;
                        break;
                    }
                }
            }
            if (found is not null)
            {
                output.Append(_originalOf[found]);
                i += found.Length;
                continue;
            }
            if (text[i] == '[' && TagShape.Length(text.AsSpan(i)) is int length and > 0)
                throw new InvalidDataException($"The text holds the pseudonym {text.Substring(i, length)} at offset {i}, which this map does not know: it was not pseudonymised with this map.");
            output.Append(text[i]);
            i++;
        }
        return output.ToString();
    }

    /// <summary>Writes the map as UTF-8 JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        lock (_gate)
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteNumber("version", FormatVersion);
            if (_keyFingerprint is null) json.WriteNull("keyFingerprint");
            else json.WriteString("keyFingerprint", _keyFingerprint);
            json.WriteStartObject("counters");
            foreach (var type in EntityTypes)
                json.WriteNumber(type.ToCode(), _counters[(int)type]);
            json.WriteEndObject();
            json.WriteStartArray("identities");
            foreach (var identity in _identities)
                WriteIdentity(json, identity);
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>The map as JSON text (<see cref="Save"/>).</summary>
    public string ToJson()
    {
        var buffer = new MemoryStream();
        Save(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a map written by <see cref="Save"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InvalidDataException">Not JSON, not a pseudonym map, another version, or an inconsistent map
    /// (the message says which entry).</exception>
    public static PseudonymMap Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(source);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The pseudonym map is not valid JSON: {error.Message}", error);
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException error)
            {
                // System.Text.Json checks the UTF-8 of a string only when it is read.
                throw new InvalidDataException($"The pseudonym map holds text that is not valid UTF-8: {error.Message}", error);
            }
        }
    }

    /// <summary>Reads a map from the JSON text <see cref="ToJson"/> wrote.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDataException">As <see cref="Load"/>.</exception>
    public static PseudonymMap FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Binds the map to the key at its first use, and refuses another key afterwards.</summary>
    internal void BindKey(PseudonymizationOptions options)
    {
        string fingerprint = options.HasKey ? Fingerprint(options.KeySpan) : NoKey;
        lock (_gate)
        {
            if (_keyFingerprint is null)
                _keyFingerprint = fingerprint;
            else if (_keyFingerprint != fingerprint)
                throw new ArgumentException(_keyFingerprint == NoKey
                    ? "The pseudonym map was made without a key; this call gives one. Use the map without a key, or start a new map."
                    : fingerprint == NoKey
                        ? $"The pseudonym map was made with a key (fingerprint {_keyFingerprint}); this call gives none."
                        : $"The pseudonym map was made with another key (fingerprint {_keyFingerprint}; this key's is {fingerprint}).",
                    nameof(options));
        }
    }

    internal PseudonymIdentity? Find(string key) => _byKey.GetValueOrDefault(key);

    internal PseudonymIdentity Add(PseudonymIdentity identity)
    {
        _identities.Add(identity);
        _byKey.Add(identity.Key, identity);
        if (identity.SurnameKey is not null)
        {
            if (!_bySurname.TryGetValue(identity.SurnameKey, out var list))
                _bySurname.Add(identity.SurnameKey, list = []);
            list.Add(identity);
        }
        return identity;
    }

    /// <summary>The persons of earlier documents with this normalised surname.</summary>
    internal IReadOnlyList<PseudonymIdentity> WithSurname(string surnameKey) => _bySurname.GetValueOrDefault(surnameKey) ?? (IReadOnlyList<PseudonymIdentity>)[];

    /// <summary>The next tag number of <paramref name="type"/>, in order of first appearance.</summary>
    internal int NextNumber(EntityType type) => ++_counters[(int)type];

    internal bool IsPseudonym(string text) => _originalOf.ContainsKey(text);

    internal void AddForm(PseudonymIdentity identity, string original, string pseudonym)
    {
        identity.AddForm(original, pseudonym);
        _originalOf.Add(pseudonym, original);
        if (!_byFirstChar.TryGetValue(pseudonym[0], out var list))
            _byFirstChar.Add(pseudonym[0], list = []);
        int at = list.BinarySearch(pseudonym, LongestFirst);
        list.Insert(at < 0 ? ~at : at, pseudonym);
    }

    private static readonly Comparer<string> LongestFirst = Comparer<string>.Create((a, b) =>
        a.Length != b.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));

    internal static string Fingerprint(ReadOnlySpan<byte> key)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, "EntityExtraction pseudonym map key fingerprint 1"u8, hash);
        return Convert.ToHexString(hash[..8]).ToLowerInvariant();
    }

    private static readonly EntityType[] EntityTypes = [EntityType.Person, EntityType.Organization, EntityType.Location];

    private static void WriteIdentity(Utf8JsonWriter json, PseudonymIdentity identity)
    {
        json.WriteStartObject();
        json.WriteString("id", identity.Identifier);
        json.WriteString("type", identity.Type.ToCode());
        json.WriteString("operator", identity.Operator.ToString());
        json.WriteString("key", identity.Key);
        if (identity.SurnameKey is not null) json.WriteString("surname", identity.SurnameKey);
        if (identity.GivenKey is not null) json.WriteString("given", identity.GivenKey);
        if (identity.Initial is char initial) json.WriteString("initial", initial.ToString());
        if (identity.SurrogateGiven is not null) json.WriteString("surrogateGiven", identity.SurrogateGiven);
        if (identity.SurrogateSurname is not null) json.WriteString("surrogateSurname", identity.SurrogateSurname);
        json.WriteBoolean("bare", identity.HasBareForm);
        json.WriteNumber("nextVariant", identity.NextVariant);
        json.WriteStartArray("forms");
        foreach (var form in identity.Forms)
        {
            json.WriteStartObject();
            json.WriteString("original", form.Original);
            json.WriteString("pseudonym", form.Pseudonym);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static PseudonymMap Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            throw new InvalidDataException($"This is not a pseudonym map: its JSON has no \"format\": \"{FormatName}\".");
        int version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : -1;
        if (version != FormatVersion)
            throw new InvalidDataException($"The pseudonym map has version {(version < 0 ? "(missing)" : version)}; this library reads version {FormatVersion}.");
        var map = new PseudonymMap();
        if (root.TryGetProperty("keyFingerprint", out var fingerprint) && fingerprint.ValueKind == JsonValueKind.String)
            map._keyFingerprint = fingerprint.GetString();
        if (root.TryGetProperty("counters", out var counters) && counters.ValueKind == JsonValueKind.Object)
        {
            foreach (var type in EntityTypes)
            {
                if (counters.TryGetProperty(type.ToCode(), out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out int value) && value >= 0)
                    map._counters[(int)type] = value;
            }
        }
        var identities = Required(root, "identities", JsonValueKind.Array, "the map");
        int index = 0;
        foreach (var item in identities.EnumerateArray())
        {
            string where = $"identity {index++}";
            string id = RequiredString(item, "id", where);
            where = $"identity {index - 1} ({id})";
            if (!EntityTypeCodes.TryParse(RequiredString(item, "type", where), out var type))
                throw new InvalidDataException($"The pseudonym map's {where} has an unknown type.");
            if (!Enum.TryParse<PseudonymizationOperator>(RequiredString(item, "operator", where), out var op) || !Enum.IsDefined(op))
                throw new InvalidDataException($"The pseudonym map's {where} has an unknown operator.");
            string key = RequiredString(item, "key", where);
            if (map._byKey.ContainsKey(key))
                throw new InvalidDataException($"The pseudonym map's {where} repeats the key of an earlier identity.");
            string? initial = OptionalString(item, "initial");
            var identity = new PseudonymIdentity(key, type, op, OptionalString(item, "surname"), OptionalString(item, "given"), initial is { Length: 1 } ? initial[0] : null)
            {
                Identifier = id,
                SurrogateGiven = OptionalString(item, "surrogateGiven"),
                SurrogateSurname = OptionalString(item, "surrogateSurname"),
                HasBareForm = item.TryGetProperty("bare", out var bare) && bare.ValueKind == JsonValueKind.True,
                NextVariant = item.TryGetProperty("nextVariant", out var next) && next.ValueKind == JsonValueKind.Number && next.TryGetInt32(out int variant) && variant >= 2 ? variant : 2,
            };
            map.Add(identity);
            if (identity.SurrogateGiven is not null) map._surrogateWords.Add(identity.SurrogateGiven);
            if (identity.SurrogateSurname is not null) map._surrogateWords.Add(identity.SurrogateSurname);
            foreach (var form in Required(item, "forms", JsonValueKind.Array, where).EnumerateArray())
            {
                string original = RequiredString(form, "original", where);
                string pseudonym = RequiredString(form, "pseudonym", where);
                if (original.Length == 0 || pseudonym.Length == 0)
                    throw new InvalidDataException($"The pseudonym map's {where} has an empty form.");
                if (map._originalOf.ContainsKey(pseudonym) || identity.TryGetPseudonym(original, out _))
                    throw new InvalidDataException($"The pseudonym map's {where} repeats the pseudonym '{pseudonym}' or the spelling '{original}'.");
                map.AddForm(identity, original, pseudonym);
            }
        }
        return map;
    }

    private static JsonElement Required(JsonElement item, string name, JsonValueKind kind, string where) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new InvalidDataException($"The pseudonym map's {where} has no \"{name}\" ({kind.ToString().ToLowerInvariant()}).");

    private static string RequiredString(JsonElement item, string name, string where) => Required(item, name, JsonValueKind.String, where).GetString()!;

    private static string? OptionalString(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
