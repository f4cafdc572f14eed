namespace EntityExtraction.Model;

/// <summary>
/// Immutable map from a lower-cased word to its <see cref="LexiconFlags"/>, keyed by the upper 32 bits of the
/// word's <see cref="FeatureHash.LowerCase"/> hash. 32-bit keys halve the embedded size; with a few hundred
/// thousand words a stray match is about one lookup in ten thousand, and only sets a feature.
/// Open addressing over parallel arrays keeps it compact and allocation-free to query.
/// </summary>
internal sealed class Lexicon
{
    private readonly uint[] _keys;
    private readonly ushort[] _values;
    private readonly int _mask;

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
        _keys = new uint[capacity];
        _values = new ushort[capacity];
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

    public int Count { get; }

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
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0) list.Add((_keys[i], (LexiconFlags)_values[i]));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }
}
