using EntityExtraction.Gazetteers;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Pipeline;

/// <summary>
/// The document-level stage: turns what the chunks of one document produced (<see cref="DocumentEvidence"/>) into
/// its entities, once, after every chunk is tagged. The whole policy between the model and the gazetteers is here:
/// <list type="number">
/// <item><b>Precedence</b>: every match of the caller's gazetteers stands; a default-gazetteer match is kept only
/// where it overlaps none of them.</item>
/// <item><b>Joined names</b>: a model entity made of two or more known names joined by more than connectors is split
/// into them ("[X contre les Y]" → "[X]", "[Y]"; <see cref="JoinedNameSplitter"/>).</item>
/// <item><b>Merge</b>: model entities first; a gazetteer name the model missed is added if the caller supplied it or
/// the model had doubt; a gazetteer name overrules unsure model entities it contains or matches exactly, and lends
/// its canonical name (<see cref="FallbackMerger"/> has the rules and thresholds).</item>
/// <item><b>Type vote</b>: every mention of one name in the document, whichever component found it, takes the type
/// its mentions vote for, weighted by confidence; a name from the caller's gazetteer keeps the caller's type and
/// gives it to the other mentions (<see cref="LabelConsistency"/>).</item>
/// <item><b>Missed mentions</b>: a name the model found with confidence is also tagged where the model missed it in
/// the same document (<see cref="MentionPropagation"/>).</item>
/// </list>
/// A gazetteer name is trusted by what matched (<see cref="GazetteerConfidence"/>): 0.9 for a name of several words
/// or an exact-case acronym, 0.75 for another single word, 0.5 for a single word that is also a common French word.
/// </summary>
internal static class DocumentResolver
{
    /// <summary>The confidence of a gazetteer name the model did not find, by what matched.</summary>
    public static float GazetteerConfidence(GazetteerEvidence evidence) => evidence switch
    {
        GazetteerEvidence.MultiWord or GazetteerEvidence.Acronym => 0.9f,
        GazetteerEvidence.SingleWord => 0.75f,
        _ => 0.5f,
    };


    /// <summary>Resolves <paramref name="evidence"/> into the document's entities, appended to <paramref name="output"/> in text order.</summary>
    public static void Resolve(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, DocumentEvidence evidence, List<MergedEntity> output)
    {
        int first = output.Count;
        ApplyPrecedence(evidence.CallerMatches, evidence.DefaultMatches, evidence.Hits);
        JoinedNameSplitter.Split(evidence.ModelEntities, evidence.Hits, text);
        FallbackMerger.Merge(evidence.ModelEntities, evidence.Hits, evidence.OutsideProbabilities.Count > 0 ? evidence.OutsideProbabilities : null, output, text);
        LabelConsistency.Apply(text, output, first);
        MentionPropagation.Apply(text, tokens, output, first);
    }

    /// <summary>The caller's matches all stand; a default match is kept where it overlaps none of them.</summary>
    private static void ApplyPrecedence(List<GazetteerMatch> caller, List<GazetteerMatch> defaults, List<GazetteerHit> hits)
    {
        int c = 0;
        foreach (var match in defaults)
        {
            while (c < caller.Count && caller[c].End <= match.Start)
                hits.Add(new GazetteerHit(caller[c++], FromCallerGazetteer: true));
            bool overlapsCaller = c < caller.Count && caller[c].Start < match.End;
            if (!overlapsCaller)
                hits.Add(new GazetteerHit(match, FromCallerGazetteer: false));
        }
        while (c < caller.Count)
            hits.Add(new GazetteerHit(caller[c++], FromCallerGazetteer: true));
    }
}
