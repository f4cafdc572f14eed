namespace EntityExtraction.Model;

/// <summary>
/// The emission weights: feature hash → one weight per label, for the features that survived training.
/// Open addressing over a key array, rows stored contiguously, so scoring a feature is one probe sequence
/// and a short vector add.
/// </summary>
internal sealed class WeightTable
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly float[] _weights;
    private readonly int _mask;

    /// <param name="labelCount">Weights per feature.</param>
    /// <param name="featureKeys">Distinct non-zero feature hashes.</param>
    /// <param name="weights">Row-major: <c>weights[f * labelCount + label]</c> belongs to <c>featureKeys[f]</c>.</param>
    public WeightTable(int labelCount, ulong[] featureKeys, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(featureKeys);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != featureKeys.Length * labelCount)
            throw new ArgumentException("Weight count does not match features × labels.", nameof(weights));
        LabelCount = labelCount;
        FeatureKeys = featureKeys;
        _weights = weights;
        int capacity = HashCapacity.For(featureKeys.Length);
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _mask = capacity - 1;
        for (int f = 0; f < featureKeys.Length; f++)
        {
            ulong key = featureKeys[f];
            if (key == 0) throw new ArgumentException("Feature hash 0 is reserved.", nameof(featureKeys));
            int slot = (int)(key & (ulong)_mask);
            while (_keys[slot] != 0)
            {
                if (_keys[slot] == key) throw new ArgumentException("Duplicate feature hash.", nameof(featureKeys));
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = key;
            _rows[slot] = f * labelCount;
        }
    }

    public int LabelCount { get; }

    public int FeatureCount => FeatureKeys.Length;

    public ulong[] FeatureKeys { get; }

    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Adds the weights of <paramref name="feature"/> (if known) to <paramref name="scores"/>.</summary>
    public void AddTo(ulong feature, Span<float> scores)
    {
        int slot = (int)(feature & (ulong)_mask);
        while (true)
        {
            ulong key = _keys[slot];
            if (key == feature)
            {
                var row = _weights.AsSpan(_rows[slot], LabelCount);
                for (int l = 0; l < row.Length; l++) scores[l] += row[l];
                return;
            }
            if (key == 0) return;
            slot = (slot + 1) & _mask;
        }
    }
}
