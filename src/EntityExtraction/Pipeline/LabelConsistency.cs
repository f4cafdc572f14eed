using System.Buffers;
using EntityExtraction.Model;

namespace EntityExtraction.Pipeline;

/// <summary>
/// Gives every mention of the same name in one document the type its mentions vote for, each weighted by its
/// confidence: a text calls one organisation by one name, but a single mention in a place-like context
/// ("à Microsoft") can tip the model to another type (label consistency, as in Krishnan and Manning 2006).
/// Mentions are the same name when their texts are equal, character for character. A tie goes to the first type
/// in <see cref="EntityType"/> order; mentions that carry no confidence at all keep their types. Where some mentions
/// have a fixed type (a name from the caller's gazetteer), only they vote.
/// Allocation-free: the mentions are sorted by a hash of their text in pooled arrays.
/// </summary>
internal static class LabelConsistency
{
    private const int TypeCount = 3;

    /// <summary>Votes over mentions[<paramref name="first"/>..], the mentions of one document.</summary>
    public static void Apply<T>(ReadOnlySpan<char> text, List<T> mentions, int first = 0)
        where T : struct, ITypedMention<T>
    {
        int count = mentions.Count - first;
        if (count < 2) return;
        var keys = ArrayPool<ulong>.Shared.Rent(count);
        var order = ArrayPool<int>.Shared.Rent(count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                var e = mentions[first + i];
                keys[i] = FeatureHash.Exact(text.Slice(e.Start, e.Length));
                order[i] = first + i;
            }
            Array.Sort(keys, order, 0, count);
            Span<float> votes = stackalloc float[TypeCount];
            int run = 0;
            while (run < count)
            {
                int end = run + 1;
                while (end < count && keys[end] == keys[run]) end++;
                if (end - run > 1) Vote(mentions, order.AsSpan(run, end - run), votes);
                run = end;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    private static void Vote<T>(List<T> mentions, ReadOnlySpan<int> group, Span<float> votes)
        where T : struct, ITypedMention<T>
    {
        votes.Clear();
        bool anyFixed = false;
        foreach (int k in group) anyFixed |= mentions[k].IsTypeFixed;
        foreach (int k in group)
        {
            if (!anyFixed || mentions[k].IsTypeFixed) votes[(int)mentions[k].Type] += mentions[k].Confidence;
        }
        int winner = 0;
        for (int t = 1; t < votes.Length; t++)
        {
            if (votes[t] > votes[winner]) winner = t;
        }
        // No confidence to weigh (all zero): nothing to vote with, so the types stand.
        if (!(votes[winner] > 0f)) return;
        foreach (int k in group)
        {
            if (mentions[k].Type != (EntityType)winner && !mentions[k].IsTypeFixed) mentions[k] = mentions[k].WithType((EntityType)winner);
        }
    }
}
