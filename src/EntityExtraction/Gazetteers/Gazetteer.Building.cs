using System.Runtime.InteropServices;
using EntityExtraction.Storage;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// Building: every surface of every entry, tokenized as text is, goes into the trie of its match mode; the tries
/// and the surfaces are then frozen in the layout a gazetteer image stores, which the default gazetteer is read from.
/// </summary>
public sealed unsafe partial class Gazetteer
{
    private static readonly GazetteerMatchMode[] s_modes =
        [GazetteerMatchMode.Exact, GazetteerMatchMode.IgnoreCase, GazetteerMatchMode.IgnoreCaseAndAccents];

    private readonly GazetteerEntryTable _entries;
    private readonly IReadOnlySet<string> _commonWords;
    private readonly GazetteerSurface* _surfaces;
    private readonly int _surfaceCount;
    private readonly TokenTrie[] _tries;
    private readonly int _maxTokens;
    private readonly bool _commonWordGuard;

    // What keeps the surfaces' memory alive: their pinned array, or the gazetteer image.
    private readonly object _surfaceOwner;

    private Gazetteer(GazetteerEntry[] entries, IReadOnlySet<string> commonWords, bool commonWordGuard)
    {
        _entries = new GazetteerEntryTable(entries);
        _commonWords = commonWords;
        _commonWordGuard = commonWordGuard;
        var builders = s_modes.Select(mode => new TokenTrieBuilder(mode)).ToArray();
        var surfaces = new List<GazetteerSurface>(entries.Length);

        // About 1.5 tokens a name: room for all of them at once in the trie of each entry's mode.
        foreach (var group in entries.GroupBy(entry => entry.MatchMode))
            builders[(int)group.Key].Reserve(group.Count() * 3 / 2);
        var tokens = new List<Token>();
        for (int e = 0; e < entries.Length; e++)
        {
            foreach (string surface in entries[e].Surfaces())
            {
                tokens.Clear();
                FrenchTokenizer.Default.Tokenize(surface, tokens);
                if (tokens.Count == 0 || (tokens.Count == 1 && tokens[0].Length < 2))
                    continue; // single characters are never matched: too ambiguous ("Y", "A").

                var prepared = Prepare(e, entries[e].MatchMode, surface, tokens, commonWords);
                var trie = builders[(int)prepared.Mode];
                int replaced = trie.Insert(surface, tokens, surfaces.Count);
                if (replaced >= 0 && surfaces[replaced].Entry == e)
                {
                    // Two spellings of one entry that fold alike ("Crédit mutuel", "Crédit Mutuel"): keep the laxer capitalisation.
                    surfaces[replaced] = surfaces[replaced].MergedWith(prepared);
                    trie.Insert(surface, tokens, replaced);
                    continue;
                }
                surfaces.Add(prepared);
                _maxTokens = Math.Max(_maxTokens, tokens.Count);
            }
        }
        _tries = [.. builders.Select(builder => builder.Freeze())];
        var pinned = PinnedArray.Copy<GazetteerSurface>(CollectionsMarshal.AsSpan(surfaces));
        _surfaceOwner = pinned;
        _surfaces = PinnedArray.Address(pinned);
        _surfaceCount = pinned.Length;
    }

    /// <summary>A gazetteer read in place from an image (<see cref="GazetteerResource"/>), its tables checked by the reader.</summary>
    internal Gazetteer(GazetteerEntryTable entries, IReadOnlySet<string> commonWords, GazetteerSurface* surfaces, int surfaceCount,
        TokenTrie[] tries, int maxTokens, object owner)
    {
        _entries = entries;
        _commonWords = commonWords;
        _commonWordGuard = true;
        _surfaces = surfaces;
        _surfaceCount = surfaceCount;
        _surfaceOwner = owner;
        _tries = tries;
        _maxTokens = maxTokens;
    }

    /// <summary>The surfaces, in the layout a gazetteer image stores.</summary>
    internal ReadOnlySpan<GazetteerSurface> Surfaces => new(_surfaces, _surfaceCount);

    /// <summary>The tries, one per <see cref="GazetteerMatchMode"/>.</summary>
    internal IReadOnlyList<TokenTrie> Tries => _tries;

    /// <summary>The most tokens a surface has.</summary>
    internal int MaxTokens => _maxTokens;

    /// <summary>The entry tables.</summary>
    internal GazetteerEntryTable EntryTable => _entries;

    private Gazetteer(Gazetteer source, bool commonWordGuard)
    {
        _entries = source._entries;
        _commonWords = source._commonWords;
        _surfaces = source._surfaces;
        _surfaceCount = source._surfaceCount;
        _surfaceOwner = source._surfaceOwner;
        _tries = source._tries;
        _maxTokens = source._maxTokens;
        _commonWordGuard = commonWordGuard;
    }

    private static GazetteerSurface Prepare(int entry, GazetteerMatchMode mode, string surface, List<Token> tokens, IReadOnlySet<string> commonWords)
    {
        bool single = tokens.Count == 1;
        var first = tokens[0].AsSpan(surface);
        bool acronym = single && first.Length <= 5 && TokenFolding.IsAllCapitals(first) && IsLettersOrDigits(first);
        if (acronym || surface.Length <= 2)
            mode = GazetteerMatchMode.Exact;

        ulong mask = 0;
        if (mode != GazetteerMatchMode.Exact)
        {
            for (int k = 0; k < tokens.Count && k < 64; k++)
            {
                if (TokenFolding.StartsUpper(tokens[k].AsSpan(surface)))
                    mask |= 1UL << k;
            }
        }

        bool common = single && commonWords.Contains(first.ToString().ToLowerInvariant());
        return new GazetteerSurface(entry, tokens.Count, mode, mask, common, acronym);
    }

    private static bool IsLettersOrDigits(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!char.IsLetterOrDigit(c)) return false;
        }
        return true;
    }
}
