using EntityExtraction.Gazetteers;
using EntityExtraction.Language;
using EntityExtraction.Model;

namespace EntityExtraction.Pipeline;

/// <summary>
/// Combines the model's entities with the gazetteer's matches, after <see cref="JoinedNameSplitter"/> has split
/// model entities that run known names together. The policy, in order:
/// <list type="number">
/// <item>Every model entity is kept, unless rule 3 replaces it.</item>
/// <item>A gazetteer match that overlaps no model entity is added — a name the model missed — if it comes from a
/// gazetteer the caller supplied, or if the model had some doubt: on at least one of its tokens the model's
/// probability of "not an entity" is at most <see cref="MaxOutsideProbability"/>. Where the model is sure that
/// none of the words is a name (a capitalised common word, a title fragment), the default gazetteer is overruled.</item>
/// <item>A gazetteer match that strictly contains every model entity it overlaps replaces them when all of them
/// have a confidence below <see cref="LowModelConfidence"/>: the model was unsure and only saw part of a known
/// name ("fondation" + "Linux" → "fondation Linux").</item>
/// <item>A gazetteer match with exactly the span of a model entity lends it its type if the model's confidence is
/// below <see cref="LowModelConfidence"/> (<see cref="LowModelConfidenceAgainstOrganization"/> when the match is
/// an organisation), and its canonical name if the types then agree. So does a match that is a model
/// entity of the same type plus the one lower-case word or definite article before it: the model leaves
/// descriptors and articles out of names ("la société [Mistral]", "la [France]"), and the gazetteer knows where one
/// belongs to the name ("fondation Linux", "Le Mans" at the start of a sentence).</item>
/// <item>Any other overlap: the model wins and the gazetteer match is dropped.</item>
/// </list>
/// The thresholds were chosen on the dev sets (docs/research/accuracy-log.md). Inputs must be sorted and non-overlapping;
/// so is the output. Runs in linear time.
/// </summary>
internal static class FallbackMerger
{
    /// <summary>Below this confidence a model entity may be overruled by a gazetteer match (rules 3 and 4).</summary>
    public const float LowModelConfidence = 0.5f;

    /// <summary>
    /// Below this confidence a model entity with exactly the span of a gazetteer organisation takes the
    /// organisation type (rule 4). The default gazetteer's organisations come from hand-curated lists and a
    /// strictly filtered harvest, more reliable than its commune list, where many surnames are also villages.
    /// </summary>
    public const float LowModelConfidenceAgainstOrganization = 0.6f;

    /// <summary>A default-gazetteer name the model did not tag is added only if, on one of its tokens, the model's
    /// probability of label O is at most this (rule 2).</summary>
    public const float MaxOutsideProbability = 0.7f;

    /// <param name="model">The model's entities.</param>
    /// <param name="gazetteer">The gazetteer's matches.</param>
    /// <param name="outsideProbabilities">Per token of the chunk, the model's probability of label O, indexed like
    /// <see cref="GazetteerMatch.FirstToken"/>; null when unknown (every unclaimed match is then added).</param>
    /// <param name="output">Receives the merged entities.</param>
    /// <param name="text">The text the offsets index, to see whether a word is lower-case (rule 4).</param>
    public static void Merge(List<ModelEntity> model, List<GazetteerHit> gazetteer, List<float>? outsideProbabilities, List<MergedEntity> output, ReadOnlySpan<char> text)
    {
        int m = 0;
        foreach (var hit in gazetteer)
        {
            var match = hit.Match;
            int matchEnd = match.Start + match.Length;

            // Model entities entirely before this match are final.
            while (m < model.Count && model[m].Start + model[m].Length <= match.Start)
                output.Add(FromModel(model[m++], null, null));

            int firstOverlap = m;
            int lastOverlap = m;
            while (lastOverlap < model.Count && model[lastOverlap].Start < matchEnd)
                lastOverlap++;

            if (firstOverlap == lastOverlap)
            {
                if (hit.FromCallerGazetteer || ModelHadDoubt(match, outsideProbabilities))
                    output.Add(FromGazetteer(hit));
                continue;
            }

            if (lastOverlap - firstOverlap == 1
                && model[firstOverlap].Start == match.Start && model[firstOverlap].Length == match.Length)
            {
                var same = model[firstOverlap];
                float low = match.Type == EntityType.Organization ? LowModelConfidenceAgainstOrganization : LowModelConfidence;
                var type = same.Confidence < low ? match.Type : same.Type;
                // A canonical name of another type names another thing: "Berkeley" the city is not the university.
                output.Add(FromModel(same, (match.CanonicalName, match.Type), type));
                m = lastOverlap;
                continue;
            }

            if (lastOverlap - firstOverlap == 1 && ExtendsByADescriptorOrArticle(match, model[firstOverlap], text))
            {
                var named = model[firstOverlap];
                output.Add(new MergedEntity(match.Start, match.Length, named.Type, EntitySource.Model, named.Confidence, (match.CanonicalName, match.Type)));
                m = lastOverlap;
                continue;
            }

            if (ContainsAllAndAllUnsure(match, model, firstOverlap, lastOverlap))
            {
                output.Add(FromGazetteer(hit));
                m = lastOverlap;
            }
            // Otherwise the overlapped model entities stay and are emitted by the next iterations.
        }
        while (m < model.Count)
            output.Add(FromModel(model[m++], null, null));
    }

    private static bool ModelHadDoubt(GazetteerMatch match, List<float>? outsideProbabilities)
    {
        if (outsideProbabilities is null)
            return true;
        int end = Math.Min(match.FirstToken + match.TokenCount, outsideProbabilities.Count);
        for (int k = match.FirstToken; k < end; k++)
        {
            if (outsideProbabilities[k] <= MaxOutsideProbability)
                return true;
        }
        return false;
    }

    private static bool ExtendsByADescriptorOrArticle(GazetteerMatch match, ModelEntity entity, ReadOnlySpan<char> text)
        => match.Type == entity.Type
            && match.TokenCount == entity.TokenCount + 1
            && match.Start + match.Length == entity.Start + entity.Length
            && (char.IsLower(text[match.Start])
                // An unsure model entity is left to rule 3, which reports the gazetteer's name with its own trust.
                || (entity.Confidence >= LowModelConfidence && FrenchFunctionWords.DefiniteArticles.Contains(text.Slice(match.Start, entity.Start - match.Start).TrimEnd())));

    private static bool ContainsAllAndAllUnsure(GazetteerMatch match, List<ModelEntity> model, int from, int to)
    {
        int matchEnd = match.Start + match.Length;
        for (int i = from; i < to; i++)
        {
            var entity = model[i];
            bool inside = entity.Start >= match.Start && entity.Start + entity.Length <= matchEnd;
            if (!inside || entity.Length >= match.Length || entity.Confidence >= LowModelConfidence)
                return false;
        }
        return true;
    }

    private static MergedEntity FromGazetteer(GazetteerHit hit) =>
        new(hit.Match.Start, hit.Match.Length, hit.Match.Type, EntitySource.Gazetteer, DocumentResolver.GazetteerConfidence(hit.Match.Evidence), (hit.Match.CanonicalName, hit.Match.Type), hit.FromCallerGazetteer);

    private static MergedEntity FromModel(ModelEntity entity, (string Name, EntityType Type)? knownName, EntityType? overrideType) =>
        new(entity.Start, entity.Length, overrideType ?? entity.Type, EntitySource.Model, entity.Confidence, knownName);
}
