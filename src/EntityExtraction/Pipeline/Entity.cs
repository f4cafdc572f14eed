namespace EntityExtraction;

/// <summary>A named entity found in a text. Immutable.</summary>
/// <param name="Text">The entity's text, exactly <c>text.Substring(Start, Length)</c> of the analysed string.</param>
/// <param name="Type">Person, organisation or place.</param>
/// <param name="Start">UTF-16 index of the first character in the analysed string.</param>
/// <param name="Length">Number of UTF-16 code units.</param>
/// <param name="Source">Whether the model or the gazetteer found it.</param>
/// <param name="Confidence">Confidence in [0, 1]: the model's marginal probability for model entities, the
/// gazetteer's reliability estimate for gazetteer entities.</param>
/// <param name="CanonicalName">For gazetteer hits (and model entities whose span is exactly a gazetteer hit),
/// the entry's canonical name, e.g. <c>"Linux Foundation"</c> for <c>"fondation Linux"</c>; otherwise null.</param>
public sealed record Entity(
    string Text,
    EntityType Type,
    int Start,
    int Length,
    EntitySource Source,
    float Confidence,
    string? CanonicalName)
{
    /// <summary>UTF-16 index just past the entity's last character (exclusive end).</summary>
    public int End => Start + Length;
}
