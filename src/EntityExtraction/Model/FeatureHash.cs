namespace EntityExtraction.Model;

/// <summary>
/// 64-bit hashing of strings and of feature tuples. Features are identified by hash only, so the
/// runtime never builds a feature string; two unrelated features colliding in 64 bits is negligible.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a over the lower-cased UTF-16 code units of <paramref name="text"/>.</summary>
    public static ulong LowerCase(ReadOnlySpan<char> text)
    {
        ulong hash = FnvOffset;
        foreach (char c in text)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
        }
        return Finish(hash);
    }

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="text"/>, case preserved.</summary>
    public static ulong Exact(ReadOnlySpan<char> text)
    {
        ulong hash = FnvOffset;
        foreach (char c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }
        return Finish(hash);
    }

    /// <summary>Hash of a feature made of a template and one value.</summary>
    public static ulong Combine(FeatureTemplate template, ulong value) => Mix(Mix((ulong)template * 0x9E3779B97F4A7C15UL, value), 0);

    /// <summary>Hash of a feature made of a template and two values.</summary>
    public static ulong Combine(FeatureTemplate template, ulong first, ulong second)
        => Mix(Mix((ulong)template * 0x9E3779B97F4A7C15UL, first), second);

    private static ulong Mix(ulong seed, ulong value)
    {
        ulong h = seed ^ (value + 0x632BE59BD9B4E019UL + (seed << 6) + (seed >> 2));
        return Finish(h);
    }

    // The final avalanche of splitmix64: FNV alone leaves the low bits poorly mixed for short strings.
    private static ulong Finish(ulong h)
    {
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return h;
    }
}
