using EntityExtraction.Gazetteers;

namespace EntityExtraction.Pipeline;

/// <summary>
/// A gazetteer match and whether it comes from a gazetteer the caller supplied. The caller's own entries are
/// trusted as given; the default gazetteer's are checked against the model (see <see cref="FallbackMerger"/>).
/// </summary>
internal readonly record struct GazetteerHit(GazetteerMatch Match, bool FromCallerGazetteer);
