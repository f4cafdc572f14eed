namespace EntityExtraction.Pseudonymization;

/// <summary>One name replaced by <see cref="FrenchEntityExtractor.Pseudonymize"/>, with its span in both texts.</summary>
public sealed record PseudonymReplacement
{
    /// <summary>The replaced name, exactly <c>original.Substring(OriginalStart, OriginalLength)</c>.</summary>
    public required string OriginalText { get; init; }

    /// <summary>UTF-16 index of the name in the original text.</summary>
    public required int OriginalStart { get; init; }

    /// <summary>UTF-16 length of the name in the original text.</summary>
    public required int OriginalLength { get; init; }

    /// <summary>The replacement, exactly <c>result.Text.Substring(Start, Length)</c>.</summary>
    public required string Text { get; init; }

    /// <summary>UTF-16 index of the replacement in the pseudonymised text.</summary>
    public required int Start { get; init; }

    /// <summary>UTF-16 length of the replacement in the pseudonymised text.</summary>
    public required int Length { get; init; }

    /// <summary>The type it was replaced as (a name read as a person under <see cref="PseudonymizationOptions.FavorRecall"/> is a person here).</summary>
    public required EntityType Type { get; init; }

    /// <summary>The operator applied.</summary>
    public required PseudonymizationOperator Operator { get; init; }

    /// <summary>The map's identifier of the person or name (<c>PER_1</c>), or null for the one-way operators.</summary>
    public string? Identifier { get; init; }

    /// <summary>The confidence of the entity (or of the name it repeats).</summary>
    public float Confidence { get; init; }

    /// <summary>Whether <see cref="PseudonymMap.Restore"/> gives the name back (false for Mask and Redact).</summary>
    public bool IsReversible => Operator is not (PseudonymizationOperator.Mask or PseudonymizationOperator.Redact);
}
