using EntityExtraction.Tokenization;

namespace EntityExtraction.Gazetteers;

/// <summary>Building: every surface of every entry, tokenized as text is, goes into the trie of its match mode.</summary>
public sealed partial class Gazetteer
{
    private static readonly GazetteerMatchMode[] s_modes =
        [GazetteerMatchMode.Exact, GazetteerMatchMode.IgnoreCase, GazetteerMatchMode.IgnoreCaseAndAccents];

    private readonly GazetteerEntry[] _entries;
    private readonly IReadOnlySet<string> _commonWords;
    private readonly List<GazetteerSurface> _surfaces = [];
    private readonly TokenTrie[] _tries;
    private readonly int _maxTokens;
    private readonly bool _commonWordGuard;

    private Gazetteer(GazetteerEntry[] entries, IReadOnlySet<string> commonWords, bool commonWordGuard)
    {
        _entries = entries;
        _commonWords = commonWords;
        _commonWordGuard = commonWordGuard;
        _tries = [.. s_modes.Select(mode => new TokenTrie(mode))];

        // About 1.5 tokens a name: room for all of them at once in the trie of each entry's mode.
        foreach (var group in entries.GroupBy(entry => entry.MatchMode))
            _tries[(int)group.Key].Reserve(group.Count() * 3 / 2);
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
                var trie = _tries[(int)prepared.Mode];
                int replaced = trie.Insert(surface, tokens, _surfaces.Count);
                if (replaced >= 0 && _surfaces[replaced].Entry == e)
                {
                    // Two spellings of one entry that fold alike ("Crédit mutuel", "Crédit Mutuel"): keep the laxer capitalisation.
                    var earlier = _surfaces[replaced];
                    _surfaces[replaced] = earlier with
                    {
                        CapitalMask = earlier.CapitalMask & prepared.CapitalMask,
                        IsCommonWord = earlier.IsCommonWord && prepared.IsCommonWord,
                    };
                    trie.Insert(surface, tokens, replaced);
                    continue;
                }
                _surfaces.Add(prepared);
                _maxTokens = Math.Max(_maxTokens, tokens.Count);
            }
        }
    }

    private Gazetteer(Gazetteer source, bool commonWordGuard)
    {
        _entries = source._entries;
        _commonWords = source._commonWords;
        _surfaces = source._surfaces;
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
