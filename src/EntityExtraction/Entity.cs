namespace EntityExtraction;

/// <summary>
/// A named entity found in a text. Immutable, compared by value. Its properties are set by name
/// (<c>new Entity { Text = "IBM", Type = EntityType.Organization, Start = 0, Length = 3 }</c>), so properties
/// added by later versions do not break code that builds entities, such as test doubles.
/// </summary>
public sealed record Entity
{
    /// <summary>The entity's text, exactly <c>text.Substring(Start, Length)</c> of the analysed string.</summary>
    public required string Text { get; init; }

    /// <summary>Person, organisation or place.</summary>
    public required EntityType Type { get; init; }

    /// <summary>UTF-16 index of the first character in the analysed string.</summary>
    public required int Start { get; init; }

    /// <summary>Number of UTF-16 code units.</summary>
    public required int Length { get; init; }

    /// <summary>UTF-16 index just past the entity's last character (exclusive end).</summary>
    public int End => Start + Length;

    /// <summary>Whether the model or the gazetteer found it.</summary>
    public EntitySource Source { get; init; }

    /// <summary>Confidence in [0, 1]: the model's marginal probability for model entities, the
    /// gazetteer's reliability estimate for gazetteer entities.</summary>
    public float Confidence { get; init; }

    /// <summary>For gazetteer hits (and model entities whose span is exactly a gazetteer hit), the entry's canonical
    /// name, e.g. <c>"Linux Foundation"</c> for <c>"fondation Linux"</c>, when the entity has the entry's type; otherwise
    /// null. A gazetteer hit can lose it: when the other mentions of the name in the document give it another type
    /// (a "Berkeley" the document calls <c>M. Berkeley</c> is not the university the gazetteer knows).</summary>
    public string? CanonicalName { get; init; }
}
