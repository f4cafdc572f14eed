using EntityExtraction.Storage;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// A read-only trie whose edges are tokens folded for one <see cref="GazetteerMatchMode"/>. Edges are found by
/// (parent node, 64-bit hash of the folded token) and confirmed by comparing the folded characters, so a step costs
/// one hash-table probe whatever the number of names, and never allocates.
/// </summary>
/// <remarks>
/// The tables are read through pointers: pinned arrays when the trie was built (<see cref="TokenTrieBuilder"/>),
/// or the embedded gazetteer image where the assembly's mapping holds it (<see cref="GazetteerResource"/>), so that
/// the default gazetteer is ready without building anything. Edge slot s holds parent <see cref="Parents"/>[s],
/// hash <see cref="Hashes"/>[s] and child + 1 <see cref="Children"/>[s] (0: empty); node n's folded label is
/// <see cref="LabelChars"/>[<see cref="LabelStarts"/>[n] .. <see cref="LabelStarts"/>[n + 1]), and its surface
/// <see cref="Terminals"/>[n] (-1: none).
/// </remarks>
internal sealed unsafe class TokenTrie
{
    private readonly int* _parents;
    private readonly ulong* _hashes;
    private readonly int* _children;
    private readonly int* _terminals;
    private readonly int* _labelStarts;
    private readonly char* _labelChars;
    private readonly int _capacity;
    private readonly int _mask;
    private readonly int _nodeCount;
    private readonly int _labelCharCount;

    // What keeps the memory behind the pointers alive: the pinned arrays, or the gazetteer image.
    private readonly object _owner;

    /// <summary>
    /// A trie over tables that stay valid while <paramref name="owner"/> is referenced: <paramref name="capacity"/>
    /// edge slots (a power of two with an empty slot), <paramref name="nodeCount"/> nodes, every child and label
    /// inside its table — which the caller has checked.
    /// </summary>
    public TokenTrie(GazetteerMatchMode mode, int capacity, int nodeCount, int* parents, ulong* hashes, int* children,
        int* terminals, int* labelStarts, char* labelChars, int labelCharCount, object owner)
    {
        _labelCharCount = labelCharCount;
        Mode = mode;
        _capacity = capacity;
        _mask = capacity - 1;
        _nodeCount = nodeCount;
        _parents = parents;
        _hashes = hashes;
        _children = children;
        _terminals = terminals;
        _labelStarts = labelStarts;
        _labelChars = labelChars;
        _owner = owner;
    }

    public GazetteerMatchMode Mode { get; }

    /// <summary>Whether the trie holds no surface (only its root).</summary>
    public bool IsEmpty => _nodeCount <= 1;

    public int Capacity => _capacity;

    public int NodeCount => _nodeCount;

    public ReadOnlySpan<int> Parents => new(_parents, _capacity);

    public ReadOnlySpan<ulong> Hashes => new(_hashes, _capacity);

    public ReadOnlySpan<int> Children => new(_children, _capacity);

    public ReadOnlySpan<int> Terminals => new(_terminals, _nodeCount);

    public ReadOnlySpan<int> LabelStarts => new(_labelStarts, _nodeCount + 1);

    public ReadOnlySpan<char> LabelChars => new(_labelChars, _labelCharCount);

    /// <summary>A trie over pinned copies of built tables (<see cref="PinnedArray.Copy{T}"/>).</summary>
    public static TokenTrie FromArrays(GazetteerMatchMode mode, int capacity, int nodeCount, int[] parents, ulong[] hashes, int[] children,
        int[] terminals, int[] labelStarts, char[] labelChars) =>
        new(mode, capacity, nodeCount, PinnedArray.Address(parents), PinnedArray.Address(hashes), PinnedArray.Address(children),
            PinnedArray.Address(terminals), PinnedArray.Address(labelStarts), PinnedArray.Address(labelChars), labelChars.Length, (parents, hashes, children, terminals, labelStarts, labelChars));

    /// <summary>Follows the edge of <paramref name="node"/> labelled <paramref name="token"/> (whose folded hash is <paramref name="hash"/>).</summary>
    public bool TryStep(int node, ulong hash, ReadOnlySpan<char> token, out int child)
    {
        int slot = TokenTrieBuilder.Slot(node, hash, _mask);
        while (true)
        {
            int next = _children[slot];
            if (next == 0)
                break;
            if (_hashes[slot] == hash && _parents[slot] == node)
            {
                child = next - 1;
                int start = _labelStarts[child];
                return TokenFolding.FoldedEquals(token, new ReadOnlySpan<char>(_labelChars + start, _labelStarts[child + 1] - start), Mode);
            }
            slot = (slot + 1) & _mask;
        }
        child = -1;
        return false;
    }

    /// <summary>The surface that ends at <paramref name="node"/>, or -1.</summary>
    public int TerminalOf(int node) => _terminals[node];
}
