using Microsoft.ML.Data;

namespace EntityExtraction.ML;

/// <summary>
/// The numeric columns of one row: the number of entities of each type, and the hashed bag of entities. The hash is
/// part of what a saved model means (a trainer's weights are indexed by it), so it never changes: 32-bit FNV-1a over
/// the UTF-16 code units of the lower-cased (invariant) token, reduced to <see cref="FrenchEntityColumnNames.BagLength"/>
/// buckets — not <see cref="string.GetHashCode()"/>, which differs from one process to the next.
/// </summary>
internal static class EntityBag
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>Counts per type, in <see cref="EntityType"/> order (PER, ORG, LOC).</summary>
    internal static float[] CountsByType(IReadOnlyList<Entity> entities)
    {
        var counts = new float[FrenchEntityColumnNames.CountsLength];
        foreach (var entity in entities)
            counts[(int)entity.Type]++;
        return counts;
    }

    /// <summary>The bucket of one token.</summary>
    internal static int Bucket(string token)
    {
        uint hash = FnvOffsetBasis;
        foreach (char c in token)
        {
            hash ^= char.ToLowerInvariant(c);
            hash *= FnvPrime;
        }
        return (int)(hash % FrenchEntityColumnNames.BagLength);
    }

    /// <summary>The sparse vector of how many times each bucket's tokens occur in the row.</summary>
    internal static VBuffer<float> Of(IReadOnlyList<string> tokens)
    {
        var buckets = new int[tokens.Count];
        for (int i = 0; i < buckets.Length; i++)
            buckets[i] = Bucket(tokens[i]);
        Array.Sort(buckets);
        var indices = new List<int>(buckets.Length);
        var values = new List<float>(buckets.Length);
        foreach (int bucket in buckets)
        {
            if (indices.Count > 0 && indices[^1] == bucket)
            {
                values[^1]++;
            }
            else
            {
                indices.Add(bucket);
                values.Add(1f);
            }
        }
        return new VBuffer<float>(FrenchEntityColumnNames.BagLength, indices.Count, [.. values], [.. indices]);
    }
}
