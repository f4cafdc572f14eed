using EntityExtraction.Gazetteers;
using EntityExtraction.Model;

namespace EntityExtraction.Pipeline;

/// <summary>
/// What the chunks of one document produced before the document-level stage: the model's entities and per-token
/// probabilities of "not an entity", and the matches of the caller's and the default gazetteers, all indexed by the
/// document's token list. Reused from one document to the next by one thread; not thread-safe.
/// </summary>
internal sealed class DocumentEvidence
{
    /// <summary>Evidence lists sized for a document of <paramref name="tokenCount"/> tokens, so that they are allocated
    /// once rather than grown by doubling (news text has about one entity for ten to twenty tokens).</summary>
    public DocumentEvidence(int tokenCount = 0, bool withOutsideProbabilities = false)
    {
        int entities = tokenCount / 10 + 16;
        ModelEntities = new List<ModelEntity>(entities);
        OutsideProbabilities = new List<float>(withOutsideProbabilities ? tokenCount : 0);
        CallerMatches = [];
        DefaultMatches = new List<GazetteerMatch>(withOutsideProbabilities ? entities : 0);
        Hits = new List<GazetteerHit>(withOutsideProbabilities ? entities : 0);
    }

    public List<ModelEntity> ModelEntities { get; }

    /// <summary>Per token of the document, the model's probability of label O; empty when no gazetteer needs it.</summary>
    public List<float> OutsideProbabilities { get; }

    public List<GazetteerMatch> CallerMatches { get; }

    public List<GazetteerMatch> DefaultMatches { get; }

    /// <summary>Working list of <see cref="DocumentResolver"/>: the gazetteer matches after precedence.</summary>
    public List<GazetteerHit> Hits { get; }

    /// <summary>Appends what a later chunk of the same document produced (chunks tagged apart, joined in text order).</summary>
    public void Append(DocumentEvidence chunk)
    {
        ModelEntities.AddRange(chunk.ModelEntities);
        OutsideProbabilities.AddRange(chunk.OutsideProbabilities);
        CallerMatches.AddRange(chunk.CallerMatches);
        DefaultMatches.AddRange(chunk.DefaultMatches);
    }

    /// <summary>
    /// Appends the evidence of a text placed <paramref name="chars"/> characters and <paramref name="tokens"/> tokens
    /// into this document (a block of a stream, tagged on its own, joined to the others of its window).
    /// </summary>
    public void AppendShifted(DocumentEvidence block, int chars, int tokens)
    {
        foreach (var e in block.ModelEntities)
            ModelEntities.Add(e with { Start = e.Start + chars, FirstToken = e.FirstToken + tokens });
        OutsideProbabilities.AddRange(block.OutsideProbabilities);
        foreach (var match in block.CallerMatches)
            CallerMatches.Add(match.Shifted(chars, tokens));
        foreach (var match in block.DefaultMatches)
            DefaultMatches.Add(match.Shifted(chars, tokens));
    }

    /// <summary>Empties the lists for another document of <paramref name="tokenCount"/> tokens, keeping their storage.</summary>
    public void Reset(int tokenCount, bool withOutsideProbabilities)
    {
        Clear();
        int entities = tokenCount / 10 + 16;
        ModelEntities.EnsureCapacity(entities);
        if (withOutsideProbabilities)
        {
            OutsideProbabilities.EnsureCapacity(tokenCount);
            DefaultMatches.EnsureCapacity(entities);
            Hits.EnsureCapacity(entities);
        }
    }

    public void Clear()
    {
        ModelEntities.Clear();
        OutsideProbabilities.Clear();
        CallerMatches.Clear();
        DefaultMatches.Clear();
        Hits.Clear();
    }
}
