using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Pipeline;

/// <summary>
/// Finds the mentions the model missed of a name it found elsewhere in the same document: a text names one company
/// or person many times, and the model, reading one sentence at a time, sometimes misses one ("Alors que Microsoft -
/// avec OpenAI…" after three confident "Microsoft"). A name is copied when the model found it with confidence at
/// least <see cref="MinimumConfidence"/>, it starts with a capital, and the new place is not part of a longer
/// capitalised sequence ("Paris" is not copied into "Paris Saint-Germain"). Only the model's names are copied: a
/// gazetteer name the model was sure is not a name elsewhere stays out (<see cref="FallbackMerger"/>, rule 2). The copy
/// has the type the document's vote gave the name and the confidence of its most confident mention.
/// Linear in the number of tokens.
/// </summary>
internal static class MentionPropagation
{
    /// <summary>A model entity is copied to its other mentions only from this confidence on.</summary>
    public const float MinimumConfidence = 0.5f;

    private readonly record struct Name(int TokenCount, int Start, int Length, int Source);

    /// <summary>
    /// Adds to entities[<paramref name="first"/>..] (sorted, non-overlapping, already voted) the missed mentions of the
    /// names they hold, keeping the list sorted and non-overlapping.
    /// </summary>
    public static void Apply(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, List<MergedEntity> entities, int first)
    {
        var names = CollectNames(text, tokens, entities, first);
        if (names is null) return;

        List<MergedEntity>? found = null;
        int next = first;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            while (next < entities.Count && entities[next].End <= token.Start) next++;
            if (next < entities.Count && entities[next].Start < token.End) continue;
            if (!char.IsUpper(text[token.Start]) || !names.TryGetValue(FeatureHash.Exact(text.Slice(token.Start, token.Length)), out var candidates)) continue;
            foreach (var name in candidates)
            {
                int last = i + name.TokenCount - 1;
                if (last >= tokens.Count || tokens[last].SentenceIndex != token.SentenceIndex) continue;
                int end = tokens[last].End;
                if (end - token.Start != name.Length || !text.Slice(token.Start, name.Length).SequenceEqual(text.Slice(name.Start, name.Length))) continue;
                if (next < entities.Count && entities[next].Start < end) continue;
                if (InsideLongerName(text, tokens, i, last)) continue;
                var source = entities[name.Source];
                (found ??= []).Add(source with { Start = token.Start, Length = name.Length, FromCallerGazetteer = false });
                i = last;
                break;
            }
        }
        if (found is not null) MergeSorted(entities, first, found);
    }

    // The names worth copying, by the hash of their first token; for each, its most confident mention.
    private static Dictionary<ulong, List<Name>>? CollectNames(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, List<MergedEntity> entities, int first)
    {
        Dictionary<ulong, List<Name>>? names = null;
        int t = 0;
        for (int k = first; k < entities.Count; k++)
        {
            var e = entities[k];
            while (t < tokens.Count && tokens[t].End <= e.Start) t++;
            if (e.Source != EntitySource.Model || e.Confidence < MinimumConfidence || !char.IsUpper(text[e.Start])) continue;
            if (t >= tokens.Count || tokens[t].Start != e.Start) continue;
            int count = 0;
            while (t + count < tokens.Count && tokens[t + count].End <= e.End) count++;
            if (count == 0 || tokens[t + count - 1].End != e.End) continue;

            names ??= [];
            ulong key = FeatureHash.Exact(text.Slice(tokens[t].Start, tokens[t].Length));
            if (!names.TryGetValue(key, out var list)) names[key] = list = [];
            int same = IndexOf(list, text, e.Start, e.Length);
            if (same < 0)
                list.Add(new Name(count, e.Start, e.Length, k));
            else if (entities[list[same].Source].Confidence < e.Confidence)
                list[same] = list[same] with { Source = k };
        }
        // Longest names first, so that "Banque de France" is tried before "Banque".
        if (names is not null)
        {
            foreach (var list in names.Values) list.Sort((a, b) => b.TokenCount.CompareTo(a.TokenCount));
        }
        return names;
    }

    private static int IndexOf(List<Name> list, ReadOnlySpan<char> text, int start, int length)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Length == length && text.Slice(list[i].Start, length).SequenceEqual(text.Slice(start, length))) return i;
        }
        return -1;
    }

    // A capitalised word right before (not opening the sentence) or right after the span: the span is part of a
    // longer name the model did not tag, and copying the shorter name would cut it.
    private static bool InsideLongerName(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int first, int last)
    {
        if (first > 0 && tokens[first - 1].SentenceIndex == tokens[first].SentenceIndex && StartsWithCapital(text, tokens[first - 1])
            && !(first - 1 == 0 || tokens[first - 2].SentenceIndex != tokens[first].SentenceIndex))
            return true;
        return last + 1 < tokens.Count && tokens[last + 1].SentenceIndex == tokens[last].SentenceIndex && StartsWithCapital(text, tokens[last + 1]);
    }

    private static bool StartsWithCapital(ReadOnlySpan<char> text, Token token) => char.IsUpper(text[token.Start]);

    // Merges the sorted additions into the sorted entities in place, from the back: no copy of the entities.
    private static void MergeSorted(List<MergedEntity> entities, int first, List<MergedEntity> found)
    {
        int a = entities.Count - 1, b = found.Count - 1;
        for (int k = 0; k < found.Count; k++) entities.Add(default);
        for (int write = entities.Count - 1; b >= 0; write--)
        {
            if (a >= first && entities[a].Start > found[b].Start) entities[write] = entities[a--];
            else entities[write] = found[b--];
        }
    }
}
