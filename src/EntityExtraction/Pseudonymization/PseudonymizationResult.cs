namespace EntityExtraction.Pseudonymization;

/// <summary>What <see cref="FrenchEntityExtractor.Pseudonymize"/> returns.</summary>
public sealed class PseudonymizationResult
{
    internal PseudonymizationResult(string text, IReadOnlyList<PseudonymReplacement> replacements, PseudonymMap map, bool isReversible)
    {
        Text = text;
        Replacements = replacements;
        Map = map;
        IsReversible = isReversible;
    }

    /// <summary>The pseudonymised text.</summary>
    public string Text { get; }

    /// <summary>The replacements in text order, with their spans in the original and the new text.</summary>
    public IReadOnlyList<PseudonymReplacement> Replacements { get; }

    /// <summary>The map that holds the pseudonyms (the one of the options, updated, or a new one). Keep it secret: it
    /// holds the original names.</summary>
    public PseudonymMap Map { get; }

    /// <summary>
    /// Whether <c>Map.Restore(Text)</c> gives back the original text byte for byte. False when a one-way operator (Mask,
    /// Redact) was applied, or, rarely, when a pseudonym of the map also occurs in the document as an ordinary word.
    /// </summary>
    public bool IsReversible { get; }
}
