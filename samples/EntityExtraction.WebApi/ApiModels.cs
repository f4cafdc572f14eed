using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EntityExtraction.Pseudonymization;

namespace EntityExtraction.WebApi;

/// <summary>A request that carries one document.</summary>
public interface IDocumentRequest
{
    /// <summary>The document.</summary>
    string? Text { get; }
}

/// <summary>The JSON body of <c>POST /extract</c>.</summary>
public sealed class ExtractRequest : IDocumentRequest
{
    /// <summary>The document.</summary>
    [Description("The French text, one document (an article, a letter): the mentions of a name in it get one type.")]
    public string? Text { get; init; }
}

/// <summary>What <c>POST /extract</c> answers.</summary>
public sealed record ExtractResponse(
    [property: Description("The entities in text order, not overlapping.")] IReadOnlyList<EntityResult> Entities)
{
    internal static ExtractResponse From(IReadOnlyList<Entity> entities) =>
        new([.. entities.Select(e => new EntityResult(e.Text, e.Type.ToCode(), e.Start, e.End,
            e.Source == EntitySource.Gazetteer ? "gazetteer" : "model", MathF.Round(e.Confidence, 4), e.CanonicalName))]);
}

/// <summary>One entity of <see cref="ExtractResponse"/>.</summary>
public sealed record EntityResult(
    [property: Description("The entity's text, exactly text[start..end).")] string Text,
    [property: Description("PER (person), ORG (organisation) or LOC (place).")] string Type,
    [property: Description("UTF-16 code-unit index of the first character in the text as received (a leading byte-order mark is not part of it).")] int Start,
    [property: Description("UTF-16 code-unit index just past the last character (exclusive).")] int End,
    [property: Description("model or gazetteer.")] string Source,
    [property: Description("Confidence in [0, 1], four decimals.")] float Confidence,
    [property: Description("The gazetteer's canonical name (\"Linux Foundation\" for \"fondation Linux\"), or null.")] string? CanonicalName);

/// <summary>The JSON body of <c>POST /pseudonymize</c>.</summary>
public sealed class PseudonymizeRequest : IDocumentRequest
{
    /// <summary>The document.</summary>
    [Description("The French text, one document.")]
    public string? Text { get; init; }

    /// <summary>The operator.</summary>
    [Description("tag (default: [PER_1]), surrogate (another French name; persons only), mask (J*** D*****), redact ([…]) or hash ([PER_3f9a2c1b], keyed by the server's key: the same name gets the same pseudonym in every request).")]
    public string? Operator { get; init; }

    /// <summary>The types to replace.</summary>
    [Description("The entity types to replace: PER, ORG, LOC (default: [\"PER\"]).")]
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>The recall-oriented setting.</summary>
    [Description("Err towards removing (PseudonymizationOptions.FavorRecall): fewer names left, a few more words that are not names replaced.")]
    public bool Recall { get; init; }

    /// <summary>Informal text.</summary>
    [Description("The text writes names in lower case (chat, e-mail, transcripts).")]
    public bool Informal { get; init; }

    /// <summary>Names less confident stay.</summary>
    [Description("Names whose confidence is below this value (0 to 1) stay; default 0.")]
    public float MinimumConfidence { get; init; }

    /// <summary>Whether to return the map.</summary>
    [Description("Also return the map (the format of PseudonymMap.ToJson and of `entity-extraction restore --map`). It holds the original names: off by default.")]
    public bool IncludeMap { get; init; }
}

/// <summary>What <c>POST /pseudonymize</c> answers. Holds no original name unless the map was asked for.</summary>
public sealed record PseudonymizeResponse(
    [property: Description("The pseudonymised text.")] string Text,
    [property: Description("The replacements in text order, with their spans in both texts (UTF-16 code units, end exclusive). The original names are not repeated.")] IReadOnlyList<ReplacementResult> Replacements,
    [property: Description("Whether the map gives back the original text byte for byte (false after mask or redact).")] bool Reversible,
    [property: Description("The map, only when includeMap was true: it holds the original names. Keep it secret.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Map)
{
    internal static PseudonymizeResponse From(PseudonymizationResult result, bool includeMap)
    {
        JsonElement? map = null;
        if (includeMap)
        {
            using var document = JsonDocument.Parse(result.Map.ToJson());
            map = document.RootElement.Clone();
        }
        return new(result.Text, [.. result.Replacements.Select(r => new ReplacementResult(r.Start, r.Start + r.Length,
            r.OriginalStart, r.OriginalStart + r.OriginalLength, r.Type.ToCode(), OperatorNames.Name(r.Operator), r.Identifier,
            MathF.Round(r.Confidence, 4)))], result.IsReversible, map);
    }
}

/// <summary>One replacement of <see cref="PseudonymizeResponse"/>.</summary>
public sealed record ReplacementResult(
    [property: Description("Start of the pseudonym in the new text.")] int Start,
    [property: Description("End of the pseudonym in the new text (exclusive).")] int End,
    [property: Description("Start of the name in the original text.")] int OriginalStart,
    [property: Description("End of the name in the original text (exclusive).")] int OriginalEnd,
    [property: Description("PER, ORG or LOC: the type it was replaced as.")] string Type,
    [property: Description("The operator applied.")] string Operator,
    [property: Description("The map's identifier of the person or name (PER_1), or null for mask and redact.")] string? Identifier,
    [property: Description("The confidence of the name, four decimals.")] float Confidence);

/// <summary>The operators' names in requests and responses.</summary>
internal static class OperatorNames
{
    public const string Expected = "tag, surrogate, mask, redact or hash";

    public static string Name(PseudonymizationOperator op) => op switch
    {
        PseudonymizationOperator.Tag => "tag",
        PseudonymizationOperator.Surrogate => "surrogate",
        PseudonymizationOperator.Mask => "mask",
        PseudonymizationOperator.Redact => "redact",
        PseudonymizationOperator.Hash => "hash",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Undefined operator."),
    };

    public static bool TryParse(string name, out PseudonymizationOperator op)
    {
        foreach (var candidate in Enum.GetValues<PseudonymizationOperator>())
        {
            if (string.Equals(Name(candidate), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                op = candidate;
                return true;
            }
        }
        op = default;
        return false;
    }
}

/// <summary>The JSON options of the API: ASP.NET Core's web defaults (camelCase), French text written as it is.</summary>
internal static class ApiJson
{
    /// <summary>Escapes only what JSON requires (<c>"é"</c>, not <c>"\u00E9"</c>): the answers are
    /// <c>application/json</c>, never embedded in HTML.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The contracts, generated at compile time, with the web defaults (camelCase) and <see cref="Encoder"/>.</summary>
    public static ApiJsonContext Context { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = Encoder });
}

/// <summary>The JSON contracts, generated at compile time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ExtractRequest))]
[JsonSerializable(typeof(ExtractResponse))]
[JsonSerializable(typeof(PseudonymizeRequest))]
[JsonSerializable(typeof(PseudonymizeResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
