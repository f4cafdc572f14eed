using EntityExtraction.Language;
using EntityExtraction.Model;

namespace EntityExtraction.Pipeline;

/// <summary>
/// Splits a model entity that is two or more known names joined by other words: "[San Antonio Spurs contre les
/// Boston Celtics]" becomes "[San Antonio Spurs]" and "[Boston Celtics]". Headlines and lists without
/// punctuation make the model run one name into the next; the gazetteer knows where each name ends. Only an entity
/// that begins with one match, ends with another and contains nothing else but matches and the words between them
/// is split, and only if some word between two matches is more than a connector of names ("de", "du", "la"…):
/// "Crédit agricole de Normandie" is one name even where "Crédit agricole" and "Normandie" are both known.
/// </summary>
internal static class JoinedNameSplitter
{
    /// <param name="model">The model's entities, sorted; split entities are replaced in place.</param>
    /// <param name="hits">The gazetteer matches, sorted and non-overlapping.</param>
    /// <param name="text">The text the offsets index.</param>
    public static void Split(List<ModelEntity> model, List<GazetteerHit> hits, ReadOnlySpan<char> text)
    {
        int h = 0;
        for (int i = 0; i < model.Count; i++)
        {
            var entity = model[i];
            int end = entity.Start + entity.Length;
            while (h < hits.Count && hits[h].Match.End <= entity.Start) h++;
            int last = h;
            while (last < hits.Count && hits[last].Match.Start < end) last++;
            // hits[h..last) overlap the entity.
            if (last - h < 2
                || hits[h].Match.Start != entity.Start
                || hits[last - 1].Match.End != end
                || !EveryGapSeparatesNames(hits, h, last, text))
                continue;
            model.RemoveAt(i);
            for (int k = h; k < last; k++)
            {
                var match = hits[k].Match;
                model.Insert(i + k - h, new ModelEntity(match.Start, match.Length, match.Type, entity.Confidence, match.FirstToken, match.TokenCount));
            }
            i += last - h - 1;
            h = last;
        }
    }

    private static bool EveryGapSeparatesNames(List<GazetteerHit> hits, int from, int to, ReadOnlySpan<char> text)
    {
        for (int k = from; k + 1 < to; k++)
        {
            var gap = text.Slice(hits[k].Match.End, hits[k + 1].Match.Start - hits[k].Match.End);
            if (!HasSeparatingWord(gap)) return false;
        }
        return true;
    }

    // Words are the runs between white space of any kind (French text puts no-break and thin spaces between words too).
    private static bool HasSeparatingWord(ReadOnlySpan<char> gap)
    {
        int i = 0;
        while (i < gap.Length)
        {
            while (i < gap.Length && char.IsWhiteSpace(gap[i])) i++;
            int start = i;
            while (i < gap.Length && !char.IsWhiteSpace(gap[i])) i++;
            if (i > start && !FrenchFunctionWords.NameConnectors.Contains(gap[start..i])) return true;
        }
        return false;
    }
}
