namespace EntityExtraction.Gazetteers;

/// <summary>
/// What a gazetteer match rests on: how much a name of that shape can be trusted is the document-level policy's
/// decision (<see cref="Pipeline.DocumentResolver.GazetteerConfidence"/>), not the gazetteer's.
/// </summary>
internal enum GazetteerEvidence : byte
{
    /// <summary>A name of two or more words.</summary>
    MultiWord,

    /// <summary>A single all-capitals acronym of at most five letters, matched with its exact case.</summary>
    Acronym,

    /// <summary>Another single-word name.</summary>
    SingleWord,

    /// <summary>A single-word name that is also a common French word, accepted because its context reads as a name.</summary>
    CommonWord,
}
