using EntityExtraction.Gazetteers;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>An entry read by the compiler, with the name of the source that produced it (for the report).</summary>
public sealed record GazetteerSourceEntry(GazetteerEntry Entry, string Source);
