namespace EntityExtraction.Gazetteers;

/// <summary>
/// A trie whose edges are tokens folded for one <see cref="GazetteerMatchMode"/>. Edges are found by
/// (parent node, 64-bit hash of the folded token) and confirmed by comparing the folded characters, so a
/// step costs one dictionary probe whatever the number of names, and never allocates.
/// </summary>
internal sealed class TokenTrie
{
    private readonly Dictionary<(int Parent, ulong Hash), int> _edges = [];
    private readonly List<string> _labels = [string.Empty];
    private readonly List<int> _terminals = [-1];

    public TokenTrie(GazetteerMatchMode mode) => Mode = mode;

    public GazetteerMatchMode Mode { get; }

    public bool IsEmpty => _labels.Count == 1;

    /// <summary>Adds the path for <paramref name="tokens"/> and marks its end with <paramref name="target"/>.</summary>
    /// <returns>The target it replaces, or -1.</returns>
    public int Insert(IReadOnlyList<string> tokens, int target)
    {
        int node = 0;
        foreach (string token in tokens)
        {
            ulong hash = TokenFolding.Hash(token, Mode);
            if (_edges.TryGetValue((node, hash), out int child))
            {
                if (!TokenFolding.FoldedEquals(token, _labels[child], Mode))
                    throw new InvalidOperationException($"Token hash collision between '{token}' and '{_labels[child]}'.");
                node = child;
                continue;
            }

            child = _labels.Count;
            _labels.Add(TokenFolding.FoldToString(token, Mode));
            _terminals.Add(-1);
            _edges.Add((node, hash), child);
            node = child;
        }
        int previous = _terminals[node];
        _terminals[node] = target;
        return previous;
    }

    /// <summary>Follows the edge for a text token whose folded hash is <paramref name="hash"/>.</summary>
    public bool TryStep(int node, ulong hash, ReadOnlySpan<char> token, out int child)
    {
        return _edges.TryGetValue((node, hash), out child) && TokenFolding.FoldedEquals(token, _labels[child], Mode);
    }

    /// <summary>The target marked at <paramref name="node"/>, or -1.</summary>
    public int TerminalOf(int node) => _terminals[node];
}
