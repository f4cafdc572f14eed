using EntityExtraction.Storage;

namespace EntityExtraction.Model;

/// <summary>
/// Immutable map from a lower-cased word to its word-cluster ids, one per clustering level (at most two: a coarse
/// and a fine one), keyed like <see cref="Lexicon"/> by <see cref="Lexicon.Fold"/> of the word hash. Clusters are
/// learned from unlabelled training text and group words that occur in similar contexts, so a word seen rarely
/// or never with a label still shares evidence with its cluster. Ids are 1-based; 0 marks a word outside the
/// clustered vocabulary. Open addressing over parallel arrays keeps lookups allocation-free.
/// </summary>
internal sealed unsafe class WordClusters
{
    /// <summary>The most levels a model may hold; <see cref="FeatureExtractor"/> has templates for two.</summary>
    public const int MaxLevels = 2;

    private readonly uint* _keys;
    private readonly ushort* _ids;
    private readonly ushort[] _unknown;
    private readonly int _capacity;
    private readonly int _mask;
    private readonly int[] _classCounts;

    // What keeps the memory behind the pointers alive: the pinned arrays, or the model image.
    private readonly object _owner;

    public static WordClusters Empty { get; } = new([], []);

    /// <param name="classCounts">The number of classes of each level, coarse first.</param>
    /// <param name="entries">Folded word keys and their ids, one per level, each in 1..classCount of its level.</param>
    public WordClusters(IReadOnlyList<int> classCounts, IEnumerable<(uint Key, ushort[] Ids)> entries)
    {
        ArgumentNullException.ThrowIfNull(classCounts);
        ArgumentNullException.ThrowIfNull(entries);
        if (classCounts.Count > MaxLevels)
            throw new ArgumentException($"{classCounts.Count} clustering levels; at most {MaxLevels} are supported.", nameof(classCounts));
        if (classCounts.Any(c => c is < 1 or >= ushort.MaxValue))
            throw new ArgumentException($"A clustering level has an invalid class count (1..{ushort.MaxValue - 1} expected).", nameof(classCounts));
        _classCounts = [.. classCounts];
        int levels = _classCounts.Length;
        // Keys in ascending order, the last entry of a repeated key winning: a model file stores them sorted
        // already, so this is one pass and a sort that finds nothing to do (a SortedDictionary cost 28 ms of a
        // cold model load).
        var merged = new List<(uint Key, ushort[] Ids)>();
        foreach (var (key, ids) in entries)
        {
            if (key == 0) throw new ArgumentException("Word cluster key 0 is reserved for empty slots.", nameof(entries));
            if (ids.Length != levels) throw new ArgumentException($"Word cluster entry {key} has {ids.Length} ids; {levels} expected.", nameof(entries));
            for (int level = 0; level < levels; level++)
            {
                if (ids[level] < 1 || ids[level] > _classCounts[level])
                    throw new ArgumentException($"Word cluster entry {key}: id {ids[level]} is outside 1..{_classCounts[level]}.", nameof(entries));
            }
            merged.Add((key, ids));
        }
        if (!IsSortedStrictly(merged)) merged = LastOfEachKey(merged);
        int capacity = HashCapacity.For(merged.Count);
        _keys = PinnedArray.Allocate<uint>(capacity, out var keyArray);
        _ids = PinnedArray.Allocate<ushort>(capacity * levels, out var idArray);
        _owner = (keyArray, idArray);
        _unknown = new ushort[levels];
        _capacity = capacity;
        _mask = capacity - 1;
        foreach (var (key, ids) in merged)
        {
            int slot = (int)(key & (uint)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            ids.CopyTo(idArray, slot * levels);
        }
        Count = merged.Count;
    }

    private static bool IsSortedStrictly(List<(uint Key, ushort[] Ids)> entries)
    {
        for (int i = 1; i < entries.Count; i++)
        {
            if (entries[i].Key <= entries[i - 1].Key) return false;
        }
        return true;
    }

    private static List<(uint Key, ushort[] Ids)> LastOfEachKey(List<(uint Key, ushort[] Ids)> entries)
    {
        var last = new Dictionary<uint, ushort[]>(entries.Count);
        foreach (var (key, ids) in entries) last[key] = ids;
        var sorted = last.Select(kv => (kv.Key, kv.Value)).ToList();
        sorted.Sort((a, b) => a.Key.CompareTo(b.Key));
        return sorted;
    }

    /// <summary>Number of clustered words.</summary>
    /// <summary>
    /// Clusters read in place from a model image: <paramref name="capacity"/> slots (a power of two with at least one
    /// empty slot) of keys, and for each slot one id per level, each within its level's class count.
    /// </summary>
    public WordClusters(int[] classCounts, int capacity, int count, uint* keys, ushort* ids, object owner)
    {
        _classCounts = classCounts;
        _unknown = new ushort[classCounts.Length];
        _capacity = capacity;
        _mask = capacity - 1;
        _keys = keys;
        _ids = ids;
        _owner = owner;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The slots' keys (0: empty), as a model image stores them.</summary>
    public ReadOnlySpan<uint> Keys => new(_keys, _capacity);

    /// <summary>The slots' ids, <see cref="ClassCounts"/>.Count per slot.</summary>
    public ReadOnlySpan<ushort> Ids => new(_ids, _capacity * _classCounts.Length);

    /// <summary>The number of classes of each level, coarse first; empty when the model has no clusters.</summary>
    public IReadOnlyList<int> ClassCounts => _classCounts;

    /// <summary>The word's id at each level (0 at every level for a word outside the vocabulary).</summary>
    public ReadOnlySpan<ushort> Lookup(ulong wordHash)
    {
        int levels = _classCounts.Length;
        if (levels == 0) return default;
        uint wanted = Lexicon.Fold(wordHash);
        int slot = (int)(wanted & (uint)_mask);
        while (true)
        {
            uint key = _keys[slot];
            if (key == wanted) return new ReadOnlySpan<ushort>(_ids + slot * levels, levels);
            if (key == 0) return _unknown;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The entries in a stable order (by key), for writing model files deterministically.</summary>
    public List<(uint Key, ushort[] Ids)> Entries()
    {
        int levels = _classCounts.Length;
        var list = new List<(uint, ushort[])>(Count);
        for (int i = 0; i < _capacity; i++)
        {
            if (_keys[i] != 0) list.Add((_keys[i], new ReadOnlySpan<ushort>(_ids + i * levels, levels).ToArray()));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }
}
