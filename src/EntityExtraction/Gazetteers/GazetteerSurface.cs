using System.Runtime.InteropServices;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// One matchable surface of an entry (its name, canonical name or an alias) as prepared for the trie. A gazetteer
/// image stores these as they lie in memory, so the layout is explicit and has no padding: implicit padding bytes
/// held whatever the stack held, and the compiled gazetteer came out different from one build to the next.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal readonly struct GazetteerSurface : IEquatable<GazetteerSurface>
{
    private const int CommonWordFlag = 1;
    private const int AcronymFlag = 2;

    [FieldOffset(0)] private readonly ulong _capitalMask;
    [FieldOffset(8)] private readonly int _entry;
    [FieldOffset(12)] private readonly int _tokenCount;
    [FieldOffset(16)] private readonly int _mode;
    [FieldOffset(20)] private readonly int _flags;

    /// <param name="entry">Index of the owning entry.</param>
    /// <param name="tokenCount">Number of tokens of the surface.</param>
    /// <param name="mode">The effective match mode (acronyms and very short surfaces are forced to exact case).</param>
    /// <param name="capitalMask">Bit k set when token k of the surface starts with a capital that the text must repeat.</param>
    /// <param name="isCommonWord">A single token whose lower-case form is a common French word.</param>
    /// <param name="isAcronym">A single all-capitals token of at most five letters.</param>
    public GazetteerSurface(int entry, int tokenCount, GazetteerMatchMode mode, ulong capitalMask, bool isCommonWord, bool isAcronym)
    {
        _entry = entry;
        _tokenCount = tokenCount;
        _mode = (int)mode;
        _capitalMask = capitalMask;
        _flags = (isCommonWord ? CommonWordFlag : 0) | (isAcronym ? AcronymFlag : 0);
    }

    public int Entry => _entry;

    public int TokenCount => _tokenCount;

    public GazetteerMatchMode Mode => (GazetteerMatchMode)_mode;

    public ulong CapitalMask => _capitalMask;

    public bool IsCommonWord => (_flags & CommonWordFlag) != 0;

    public bool IsAcronym => (_flags & AcronymFlag) != 0;

    /// <summary>This surface merged with another spelling of the same entry that folds alike: the laxer capitalisation wins.</summary>
    public GazetteerSurface MergedWith(GazetteerSurface other) =>
        new(Entry, TokenCount, Mode, CapitalMask & other.CapitalMask, IsCommonWord && other.IsCommonWord, IsAcronym);

    public bool Equals(GazetteerSurface other) =>
        _capitalMask == other._capitalMask && _entry == other._entry && _tokenCount == other._tokenCount && _mode == other._mode && _flags == other._flags;

    public override bool Equals(object? obj) => obj is GazetteerSurface other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_capitalMask, _entry, _tokenCount, _mode, _flags);
}
