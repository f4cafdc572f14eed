using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EntityExtraction.Model;
using EntityExtraction.Storage;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// Builds a <see cref="TokenTrie"/>: a trie whose edges are tokens folded for one <see cref="GazetteerMatchMode"/>,
/// found by (parent node, 64-bit hash of the folded token) and confirmed by the folded characters.
/// <see cref="Freeze"/> turns it into the read-only trie the matching uses, in the layout a gazetteer image stores.
/// </summary>
/// <remarks>
/// The edge table is open addressing over parallel arrays rather than a <c>Dictionary</c> keyed by a tuple: the
/// default gazetteer inserts some 100,000 edges at start-up, before tiered compilation has optimised the
/// generic dictionary's code, and that took half of the gazetteer's build time.
/// </remarks>
internal sealed class TokenTrieBuilder
{
    private int[] _edgeParents = new int[64];
    private ulong[] _edgeHashes = new ulong[64];
    private int[] _edgeChildren = new int[64]; // child node + 1; 0 marks an empty slot
    private int _edgeCount;
    private readonly List<string> _labels = [string.Empty];
    private readonly List<int> _terminals = [-1];

    public TokenTrieBuilder(GazetteerMatchMode mode) => Mode = mode;

    public GazetteerMatchMode Mode { get; }

    /// <summary>Adds the path for the <paramref name="tokens"/> of <paramref name="surface"/> and marks its end with <paramref name="target"/>.</summary>
    /// <returns>The target it replaces, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Insert(string surface, IReadOnlyList<Token> tokens, int target)
    {
        int node = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].AsSpan(surface);
            ulong hash = TokenFolding.Hash(token, Mode);
            int child = FindEdge(node, hash);
            if (child >= 0)
            {
                if (!TokenFolding.FoldedEquals(token, _labels[child], Mode))
                    throw new InvalidOperationException($"Token hash collision between '{token}' and '{_labels[child]}'.");
                node = child;
                continue;
            }

            child = _labels.Count;
            _labels.Add(TokenFolding.FoldToString(token, Mode));
            _terminals.Add(-1);
            AddEdge(node, hash, child);
            node = child;
        }
        int previous = _terminals[node];
        _terminals[node] = target;
        return previous;
    }

    /// <summary>
    /// Makes room for about <paramref name="nodes"/> more nodes at once, so that building from a known number of
    /// names does not copy the edge table at every doubling.
    /// </summary>
    public void Reserve(int nodes)
    {
        int needed = HashCapacity.For(_edgeCount + nodes);
        if (needed > _edgeChildren.Length) Rehash(needed);
        _labels.Capacity = Math.Max(_labels.Capacity, _labels.Count + nodes);
        _terminals.Capacity = Math.Max(_terminals.Capacity, _terminals.Count + nodes);
    }

    /// <summary>
    /// The finished trie: edges in pinned arrays, node labels in one character block, so that matching reads the
    /// same layout whether the trie was built here or read from a gazetteer image.
    /// </summary>
    public TokenTrie Freeze()
    {
        int nodes = _labels.Count;
        int capacity = _edgeChildren.Length;
        var parents = PinnedArray.Copy<int>(_edgeParents);
        var hashes = PinnedArray.Copy<ulong>(_edgeHashes);
        var children = PinnedArray.Copy<int>(_edgeChildren);
        var terminals = PinnedArray.Copy<int>(CollectionsMarshal.AsSpan(_terminals));
        var starts = new int[nodes + 1];
        for (int node = 0; node < nodes; node++) starts[node + 1] = starts[node] + _labels[node].Length;
        var chars = new char[starts[nodes]];
        for (int node = 0; node < nodes; node++) _labels[node].CopyTo(chars.AsSpan(starts[node]));
        return TokenTrie.FromArrays(Mode, capacity, nodes, parents, hashes, children, terminals, PinnedArray.Copy<int>(starts), PinnedArray.Copy<char>(chars));
    }

    private int FindEdge(int parent, ulong hash)
    {
        int mask = _edgeChildren.Length - 1;
        int slot = Slot(parent, hash, mask);
        while (true)
        {
            int child = _edgeChildren[slot];
            if (child == 0) return -1;
            if (_edgeHashes[slot] == hash && _edgeParents[slot] == parent) return child - 1;
            slot = (slot + 1) & mask;
        }
    }

    private void AddEdge(int parent, ulong hash, int child)
    {
        if (2 * (_edgeCount + 1) > _edgeChildren.Length) Grow();
        Place(_edgeParents, _edgeHashes, _edgeChildren, parent, hash, child + 1);
        _edgeCount++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow() => Rehash(_edgeChildren.Length * 2);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rehash(int capacity)
    {
        var parents = new int[capacity];
        var hashes = new ulong[capacity];
        var children = new int[capacity];
        for (int slot = 0; slot < _edgeChildren.Length; slot++)
        {
            if (_edgeChildren[slot] != 0) Place(parents, hashes, children, _edgeParents[slot], _edgeHashes[slot], _edgeChildren[slot]);
        }
        _edgeParents = parents;
        _edgeHashes = hashes;
        _edgeChildren = children;
    }

    private static void Place(int[] parents, ulong[] hashes, int[] children, int parent, ulong hash, int childPlusOne)
    {
        int mask = children.Length - 1;
        int slot = Slot(parent, hash, mask);
        while (children[slot] != 0) slot = (slot + 1) & mask;
        parents[slot] = parent;
        hashes[slot] = hash;
        children[slot] = childPlusOne;
    }

    // The token hash is already well mixed; the parent is spread over the high bits so that the first tokens of
    // many names (all children of the root) and deeper edges do not crowd the same slots.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Slot(int parent, ulong hash, int mask) => (int)((hash ^ ((ulong)(uint)parent * 0x9E3779B97F4A7C15UL)) >> 20) & mask;
}
