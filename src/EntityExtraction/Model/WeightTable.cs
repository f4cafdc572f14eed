using System.Runtime.CompilerServices;

namespace EntityExtraction.Model;

/// <summary>
/// The emission weights, ready for tagging: feature hash → one row of weights per sentence genre. A model file
/// stores each trained feature separately, the genre copies (<see cref="FeatureExtractor.GenreCopy"/>) included;
/// here every copy is folded into its base feature's row for that genre (shared weight + copy weight), so
/// scoring a token looks each of its features up once instead of twice. Open addressing over a key array, rows
/// stored contiguously.
/// </summary>
internal sealed class WeightTable
{
    private const int Genres = 2;

    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly float[] _weights;
    private readonly int _mask;
    private readonly int _labelCount;

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
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _weights = new float[bases * Genres * labelCount];
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
            Fold(shared, copyOf[f].Running, weights, _weights.AsSpan(row + (int)SentenceGenre.RunningText * labelCount, labelCount));
            Fold(shared, copyOf[f].Fragment, weights, _weights.AsSpan(row + (int)SentenceGenre.Fragment * labelCount, labelCount));
            row += Genres * labelCount;
        }
        BaseFeatureCount = bases;
    }

    /// <summary>Number of base features (genre copies folded in).</summary>
    public int BaseFeatureCount { get; }

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
                var row = _weights.AsSpan(_rows[slot] + (int)genre * _labelCount, _labelCount);
                for (int l = 0; l < row.Length; l++) scores[l] += row[l];
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
