using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>
/// Accumulates entity-level scores. Exact: a prediction is correct when a gold entity has the same start, end
/// and type (CoNLL practice). Lenient: a prediction is correct when it overlaps a not-yet-matched gold entity
/// of the same type, each gold entity matched at most once.
/// </summary>
public sealed class Scorer
{
    private readonly Dictionary<EntityType, Counts> _exact = [];
    private readonly Dictionary<EntityType, Counts> _lenient = [];

    public static IReadOnlyList<EntityType> Types { get; } = [EntityType.Person, EntityType.Organization, EntityType.Location];

    public Counts Exact => Sum(_exact);

    public Counts Lenient => Sum(_lenient);

    public Counts ExactFor(EntityType type) => _exact.GetValueOrDefault(type);

    public Counts LenientFor(EntityType type) => _lenient.GetValueOrDefault(type);

    /// <summary>Scores one document's predictions against its gold entities.</summary>
    public void Add(IReadOnlyList<EntitySpan> gold, IReadOnlyList<EntitySpan> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var goldSet = new HashSet<EntitySpan>(gold);
        foreach (var type in Types)
        {
            int goldCount = gold.Count(g => g.Type == type);
            int predictedCount = predicted.Count(p => p.Type == type);
            int exact = predicted.Count(p => p.Type == type && goldSet.Contains(p));
            _exact[type] = _exact.GetValueOrDefault(type) + new Counts(exact, predictedCount, goldCount);

            var matched = new bool[gold.Count];
            int lenient = 0;
            foreach (var p in predicted.Where(p => p.Type == type).OrderBy(p => p.Start))
            {
                // Prefer the exact gold span, then the first overlapping one, so lenient ≥ exact always holds.
                int index = IndexOf(gold, matched, g => g == p);
                if (index < 0) index = IndexOf(gold, matched, g => g.Type == type && g.Overlaps(p));
                if (index < 0) continue;
                matched[index] = true;
                lenient++;
            }
            _lenient[type] = _lenient.GetValueOrDefault(type) + new Counts(lenient, predictedCount, goldCount);
        }
    }

    private static int IndexOf(IReadOnlyList<EntitySpan> gold, bool[] matched, Func<EntitySpan, bool> predicate)
    {
        for (int i = 0; i < gold.Count; i++)
        {
            if (!matched[i] && predicate(gold[i])) return i;
        }
        return -1;
    }

    private static Counts Sum(Dictionary<EntityType, Counts> counts)
    {
        var total = default(Counts);
        foreach (var c in counts.Values) total += c;
        return total;
    }
}
