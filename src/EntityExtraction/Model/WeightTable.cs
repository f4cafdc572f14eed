using System.Runtime.CompilerServices;
using EntityExtraction.Storage;

namespace EntityExtraction.Model;

/// <summary>
/// The emission weights, ready for tagging: feature hash → one row of weights per sentence genre. A model file
/// stores each trained feature separately, the genre copies (<see cref="FeatureExtractor.GenreCopy"/>) included;
/// here every copy is folded into its base feature's row for that genre (shared weight + copy weight), so
/// scoring a token looks each of its features up once instead of twice. Open addressing over a key array, rows
/// stored contiguously. The three arrays are addressed by pointer: built here into pinned arrays, or read in place
/// from a model image (<see cref="ModelImage"/>), in the layout <see cref="Keys"/>, <see cref="Rows"/> and
/// <see cref="Weights"/> expose.
/// </summary>
internal sealed unsafe class WeightTable
{
    /// <summary>Rows per base feature: one per <see cref="SentenceGenre"/>.</summary>
    public const int Genres = 2;

    private readonly ulong* _keys;
    private readonly int* _rows;
    private readonly float* _weights;
    private readonly int _capacity;
    private readonly int _mask;
    private readonly int _labelCount;

    // What keeps the memory behind the pointers alive: the pinned arrays, or the image.
    private readonly object _owner;

    /// <param name="labelCount">Weights per feature.</param>
    /// <param name="featureKeys">Distinct non-zero feature hashes, genre copies included.</param>
    /// <param name="weights">Row-major: <c>weights[f * labelCount + label]</c> belongs to <c>featureKeys[f]</c>.</param>
    /// <exception cref="ArgumentException">The sizes disagree, a hash is 0 or a hash is repeated.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WeightTable(int labelCount, ulong[] featureKeys, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(featureKeys);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != featureKeys.Length * labelCount)
            throw new ArgumentException("Weight count does not match features × labels.", nameof(weights));
        _labelCount = labelCount;

        // An open-addressing index of every key (slot → feature + 1, 0 empty) rather than a Dictionary: the model
        // loads once, at start-up, while the runtime still runs unoptimised code, and the generic dictionary's
        // methods are among that code; this loop is compiled optimised from the start (AggressiveOptimization).
        var index = new FeatureIndex(featureKeys);
        var copyOf = new (int Running, int Fragment)[featureKeys.Length];
        var isCopy = new bool[featureKeys.Length];
        for (int f = 0; f < featureKeys.Length; f++)
        {
            // A key is a copy when some key's GenreCopy is it. Training keeps the base of every copy it keeps (see
            // the trainers), so every copy is found from its base; a key that is nobody's copy is a base.
            int running = index.Find(FeatureExtractor.GenreCopy(featureKeys[f], SentenceGenre.RunningText));
            int fragment = index.Find(FeatureExtractor.GenreCopy(featureKeys[f], SentenceGenre.Fragment));
            copyOf[f] = (running, fragment);
            if (running >= 0) isCopy[running] = true;
            if (fragment >= 0) isCopy[fragment] = true;
        }

        int bases = 0;
        for (int f = 0; f < featureKeys.Length; f++)
        {
            if (!isCopy[f]) bases++;
        }
        int capacity = HashCapacity.For(bases);
        _keys = PinnedArray.Allocate<ulong>(capacity, out var keys);
        _rows = PinnedArray.Allocate<int>(capacity, out var rows);
        _weights = PinnedArray.Allocate<float>(bases * Genres * labelCount, out var table);
        _owner = (keys, rows, table);
        _capacity = capacity;
        _mask = capacity - 1;
        int row = 0;
        for (int f = 0; f < featureKeys.Length; f++)
        {
            if (isCopy[f]) continue;
            int slot = (int)(featureKeys[f] & (ulong)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = featureKeys[f];
            _rows[slot] = row;
            var shared = weights.AsSpan(f * labelCount, labelCount);
            Fold(shared, copyOf[f].Running, weights, table.AsSpan(row + (int)SentenceGenre.RunningText * labelCount, labelCount));
            Fold(shared, copyOf[f].Fragment, weights, table.AsSpan(row + (int)SentenceGenre.Fragment * labelCount, labelCount));
            row += Genres * labelCount;
        }
        BaseFeatureCount = bases;
    }

    /// <summary>
    /// A table read in place: <paramref name="keys"/> and <paramref name="rows"/> hold <paramref name="capacity"/>
    /// slots (a power of two, with at least one empty slot), <paramref name="weights"/>
    /// <paramref name="baseFeatureCount"/> × <see cref="Genres"/> × <paramref name="labelCount"/> floats, and every
    /// row of an occupied slot lies inside them — which <see cref="ModelImage"/> checks before it calls this.
    /// </summary>
    public WeightTable(int labelCount, int capacity, int baseFeatureCount, ulong* keys, int* rows, float* weights, object owner)
    {
        _labelCount = labelCount;
        _capacity = capacity;
        _mask = capacity - 1;
        _keys = keys;
        _rows = rows;
        _weights = weights;
        _owner = owner;
        BaseFeatureCount = baseFeatureCount;
    }

    /// <summary>Number of base features (genre copies folded in).</summary>
    public int BaseFeatureCount { get; }

    /// <summary>Weights per feature and genre.</summary>
    public int LabelCount => _labelCount;

    /// <summary>The slots' feature hashes (0: empty), as a model image stores them.</summary>
    public ReadOnlySpan<ulong> Keys => new(_keys, _capacity);

    /// <summary>The slots' first weight in <see cref="Weights"/>.</summary>
    public ReadOnlySpan<int> Rows => new(_rows, _capacity);

    /// <summary>The rows: per base feature, <see cref="Genres"/> × <see cref="LabelCount"/> weights.</summary>
    public ReadOnlySpan<float> Weights => new(_weights, BaseFeatureCount * Genres * _labelCount);

    private void Fold(ReadOnlySpan<float> shared, int copy, float[] weights, Span<float> destination)
    {
        shared.CopyTo(destination);
        if (copy < 0) return;
        var copyRow = weights.AsSpan(copy * _labelCount, _labelCount);
        for (int l = 0; l < destination.Length; l++) destination[l] += copyRow[l];
    }

    /// <summary>Adds the weights of <paramref name="feature"/> (if known) in a sentence of <paramref name="genre"/> to <paramref name="scores"/>.</summary>
    public void AddTo(ulong feature, SentenceGenre genre, Span<float> scores)
    {
        int slot = (int)(feature & (ulong)_mask);
        while (true)
        {
            ulong key = _keys[slot];
            if (key == feature)
            {
                float* row = _weights + _rows[slot] + (int)genre * _labelCount;
                for (int l = 0; l < _labelCount; l++) scores[l] += row[l];
                return;
            }
            if (key == 0) return;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Feature hash → position in the key array, for the load-time search of genre copies.</summary>
    private readonly struct FeatureIndex
    {
        private readonly ulong[] _keys;
        private readonly int[] _positions; // position + 1; 0 marks an empty slot
        private readonly int _mask;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public FeatureIndex(ulong[] keys)
        {
            int capacity = HashCapacity.For(keys.Length);
            _keys = new ulong[capacity];
            _positions = new int[capacity];
            _mask = capacity - 1;
            for (int f = 0; f < keys.Length; f++)
            {
                ulong key = keys[f];
                if (key == 0) throw new ArgumentException("Feature hash 0 is reserved.", nameof(keys));
                int slot = (int)(key & (ulong)_mask);
                while (_positions[slot] != 0)
                {
                    if (_keys[slot] == key) throw new ArgumentException("Duplicate feature hash.", nameof(keys));
                    slot = (slot + 1) & _mask;
                }
                _keys[slot] = key;
                _positions[slot] = f + 1;
            }
        }

        /// <summary>The position of <paramref name="key"/>, or -1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Find(ulong key)
        {
            int slot = (int)(key & (ulong)_mask);
            while (true)
            {
                int position = _positions[slot];
                if (position == 0) return -1;
                if (_keys[slot] == key) return position - 1;
                slot = (slot + 1) & _mask;
            }
        }
    }
}
