using EntityExtraction.Storage;

namespace EntityExtraction.Model;

/// <summary>
/// Immutable map from a lower-cased word to its <see cref="LexiconFlags"/>, keyed by the upper 32 bits of the
/// word's <see cref="FeatureHash.LowerCase"/> hash. 32-bit keys halve the embedded size; with a few hundred
/// thousand words a stray match is about one lookup in ten thousand, and only sets a feature.
/// Open addressing over parallel arrays keeps it compact and allocation-free to query.
/// </summary>
internal sealed unsafe class Lexicon
{
    private readonly uint* _keys;
    private readonly ushort* _values;
    private readonly int _capacity;
    private readonly int _mask;

    // What keeps the memory behind the pointers alive: the pinned arrays, or the model image.
    private readonly object _owner;

    public static Lexicon Empty { get; } = new([]);

    /// <param name="entries">Folded keys (see <see cref="Fold"/>) and their flags; repeated keys have their flags combined.</param>
    public Lexicon(IEnumerable<(uint Key, LexiconFlags Flags)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var merged = new Dictionary<uint, LexiconFlags>();
        foreach (var (key, flags) in entries)
        {
            if (key == 0 || flags == LexiconFlags.None) continue;
            merged[key] = merged.GetValueOrDefault(key) | flags;
        }
        int capacity = HashCapacity.For(merged.Count);
        _keys = PinnedArray.Allocate<uint>(capacity, out var keys);
        _values = PinnedArray.Allocate<ushort>(capacity, out var values);
        _owner = (keys, values);
        _capacity = capacity;
        _mask = capacity - 1;
        foreach (var (key, flags) in merged)
        {
            int slot = (int)(key & (uint)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _values[slot] = (ushort)flags;
        }
        Count = merged.Count;
    }

    /// <summary>
    /// Builds the lexicon from keys in ascending order, as a model file stores them, without the dictionary the
    /// general constructor merges through (BenchmarkDotNet `LoadDefaultModel`, default job, same machine: 170 ms
    /// and 87 MB allocated before, 146 ms and 59 MB after). Repeated keys (adjacent, since sorted) have their flags combined; key 0 and empty flags are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">The keys are not in ascending order, or the arrays differ in length.</exception>
    public static Lexicon FromSortedKeys(uint[] keys, ushort[] flags)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(flags);
        if (keys.Length != flags.Length) throw new ArgumentException($"{keys.Length} keys for {flags.Length} flag sets.", nameof(flags));
        int distinct = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (i > 0 && keys[i] < keys[i - 1]) throw new ArgumentException($"Lexicon key {i} is smaller than the one before it.", nameof(keys));
            if (keys[i] != 0 && flags[i] != 0 && (i == 0 || keys[i] != keys[i - 1])) distinct++;
        }
        return new Lexicon(keys, flags, distinct);
    }

    private Lexicon(uint[] sortedKeys, ushort[] flags, int distinct)
    {
        int capacity = HashCapacity.For(distinct);
        _keys = PinnedArray.Allocate<uint>(capacity, out var keys);
        _values = PinnedArray.Allocate<ushort>(capacity, out var values);
        _owner = (keys, values);
        _capacity = capacity;
        _mask = capacity - 1;
        int slot = -1;
        for (int i = 0; i < sortedKeys.Length; i++)
        {
            uint key = sortedKeys[i];
            if (key == 0 || flags[i] == 0) continue;
            if (slot >= 0 && _keys[slot] == key)
            {
                _values[slot] |= flags[i];
                continue;
            }
            slot = (int)(key & (uint)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _values[slot] = flags[i];
        }
        Count = distinct;
    }

    /// <summary>
    /// A lexicon read in place from a model image: <paramref name="capacity"/> slots (a power of two with at least one
    /// empty slot) of keys and flags, as <see cref="Keys"/> and <see cref="Values"/> expose them.
    /// </summary>
    public Lexicon(int capacity, int count, uint* keys, ushort* values, object owner)
    {
        _capacity = capacity;
        _mask = capacity - 1;
        _keys = keys;
        _values = values;
        _owner = owner;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The slots' keys (0: empty), as a model image stores them.</summary>
    public ReadOnlySpan<uint> Keys => new(_keys, _capacity);

    /// <summary>The slots' flags.</summary>
    public ReadOnlySpan<ushort> Values => new(_values, _capacity);

    /// <summary>The lexicon key of a word hash: its upper 32 bits, never 0 (0 marks an empty slot).</summary>
    public static uint Fold(ulong wordHash)
    {
        uint key = (uint)(wordHash >> 32);
        return key == 0 ? 1u : key;
    }

    public LexiconFlags Lookup(ulong wordHash)
    {
        uint wanted = Fold(wordHash);
        int slot = (int)(wanted & (uint)_mask);
        while (true)
        {
            uint key = _keys[slot];
            if (key == wanted) return (LexiconFlags)_values[slot];
            if (key == 0) return LexiconFlags.None;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The entries in a stable order (by key), for writing model files deterministically.</summary>
    public List<(uint Key, LexiconFlags Flags)> Entries()
    {
        var list = new List<(uint, LexiconFlags)>(Count);
        for (int i = 0; i < _capacity; i++)
        {
            if (_keys[i] != 0) list.Add((_keys[i], (LexiconFlags)_values[i]));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }
}
