using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>
/// Counts the errors of a predictor by kind (<see cref="ErrorKind"/>), with a few examples of each, so that boundary
/// errors ("[Autorité] des marchés financiers") can be told apart from type errors and misses. Every gold entity not
/// predicted exactly and every prediction overlapping no gold entity is counted once; a boundary error whose type is
/// also wrong counts as its boundary kind and in <see cref="AlsoWrongType"/>.
/// </summary>
public sealed class ErrorKinds
{
    private readonly Dictionary<ErrorKind, int> _counts = [];
    private readonly Dictionary<ErrorKind, List<string>> _examples = [];
    private readonly int _examplesPerKind;

    public ErrorKinds(int examplesPerKind = 5) => _examplesPerKind = examplesPerKind;

    /// <summary>Boundary errors whose type is also wrong.</summary>
    public int AlsoWrongType { get; private set; }

    /// <summary>Gold entities scored so far.</summary>
    public int GoldCount { get; private set; }

    public int this[ErrorKind kind] => _counts.GetValueOrDefault(kind);

    public IReadOnlyList<string> ExamplesOf(ErrorKind kind) => _examples.TryGetValue(kind, out var list) ? list : [];

    public void Add(string text, IReadOnlyList<EntitySpan> gold, IReadOnlyList<EntitySpan> predicted)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        GoldCount += gold.Count;
        var exact = new HashSet<EntitySpan>(gold.Intersect(predicted));
        foreach (var g in gold)
        {
            if (exact.Contains(g)) continue;
            var overlapping = predicted.Where(p => p.Overlaps(g) && !exact.Contains(p)).ToList();
            if (overlapping.Count == 0)
            {
                Count(ErrorKind.Missed, text, g, null);
                continue;
            }
            if (overlapping.Count > 1)
            {
                Count(ErrorKind.Split, text, g, overlapping[0]);
                continue;
            }
            var p = overlapping[0];
            var kind = BoundaryKind(g, p);
            if (kind is null)
            {
                Count(ErrorKind.WrongType, text, g, p);
                continue;
            }
            if (kind == ErrorKind.TooLong && gold.Count(o => o.Overlaps(p)) > 1) kind = ErrorKind.Merged;
            if (p.Type != g.Type) AlsoWrongType++;
            Count(kind.Value, text, g, p);
        }
        foreach (var p in predicted)
        {
            if (!gold.Any(g => g.Overlaps(p))) Count(ErrorKind.Spurious, text, null, p);
        }
    }

    /// <summary>The kind of a prediction overlapping a gold entity; null when the span is the same (a type error).</summary>
    private static ErrorKind? BoundaryKind(EntitySpan gold, EntitySpan predicted)
    {
        bool sameStart = predicted.Start == gold.Start, sameEnd = predicted.End == gold.End;
        if (sameStart && sameEnd) return null;
        bool inside = predicted.Start >= gold.Start && predicted.End <= gold.End;
        if (inside) return sameStart ? ErrorKind.MissingEnd : sameEnd ? ErrorKind.MissingStart : ErrorKind.MissingBothEnds;
        bool contains = predicted.Start <= gold.Start && predicted.End >= gold.End;
        return contains ? ErrorKind.TooLong : ErrorKind.Shifted;
    }

    private void Count(ErrorKind kind, string text, EntitySpan? gold, EntitySpan? predicted)
    {
        _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        if (!_examples.TryGetValue(kind, out var list)) _examples[kind] = list = [];
        if (list.Count >= _examplesPerKind) return;
        string Show(EntitySpan s) => $"{s.Type.ToCode()} '{text[s.Start..s.End]}'";
        list.Add((gold, predicted) switch
        {
            ({ } g, { } p) => $"gold {Show(g)}, predicted {Show(p)}",
            ({ } g, null) => $"gold {Show(g)}",
            (null, { } p) => $"predicted {Show(p)}",
            _ => "",
        });
    }
}
