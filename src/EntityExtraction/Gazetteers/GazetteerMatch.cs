namespace EntityExtraction.Gazetteers;

/// <summary>A span of text recognised by a <see cref="Gazetteer"/>.</summary>
/// <param name="Start">UTF-16 index of the first character of the span in the caller's text.</param>
/// <param name="Length">Length of the span in UTF-16 code units.</param>
/// <param name="Type">The entity type of the matched entry.</param>
/// <param name="CanonicalName">The entry's canonical name ("NASA" for a match on "Nasa").</param>
/// <param name="FirstToken">Index of the span's first token in the token list.</param>
/// <param name="TokenCount">Number of tokens the span covers.</param>
/// <param name="Confidence">
/// How safe the hit is, in [0, 1]: 0.9 for a multi-token name or an all-capitals acronym matched with
/// its exact case, 0.75 for another single-token name, 0.5 for a single-token name that is also a
/// common French word (accepted only because the context suggests a proper noun).
/// </param>
public readonly record struct GazetteerMatch(
    int Start,
    int Length,
    EntityType Type,
    string CanonicalName,
    int FirstToken,
    int TokenCount,
    float Confidence)
{
    /// <summary>UTF-16 index just past the span (exclusive end).</summary>
    public int End => Start + Length;
}
