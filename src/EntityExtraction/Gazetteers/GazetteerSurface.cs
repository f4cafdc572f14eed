namespace EntityExtraction.Gazetteers;

/// <summary>One matchable surface of an entry (its name, canonical name or an alias) as prepared for the trie.</summary>
/// <param name="Entry">Index of the owning entry.</param>
/// <param name="TokenCount">Number of tokens of the surface.</param>
/// <param name="Mode">The effective match mode (acronyms and very short surfaces are forced to exact case).</param>
/// <param name="CapitalMask">Bit k set when token k of the surface starts with a capital that the text must repeat.</param>
/// <param name="IsCommonWord">A single token whose lower-case form is a common French word.</param>
/// <param name="IsAcronym">A single all-capitals token of at most five letters.</param>
internal readonly record struct GazetteerSurface(
    int Entry,
    int TokenCount,
    GazetteerMatchMode Mode,
    ulong CapitalMask,
    bool IsCommonWord,
    bool IsAcronym);
