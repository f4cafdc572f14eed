using System.Buffers;
using EntityExtraction.Language;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// A list of known names (people, organisations, places) found in text by a token trie: matching cost
/// grows with the length of the text, not with the number of names. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Matches are returned in text order, never overlap, and the longest match starting at the leftmost
/// position wins; at equal length an exact-case surface beats a case-insensitive one, which beats an
/// accent-insensitive one. When two entries share a surface in the same mode, the one added last wins,
/// so <c>Combine(Gazetteer.Default, mine)</c> lets <c>mine</c> override the defaults.</para>
/// <para>Guards against false positives: a single-character surface never matches; surfaces of at most two
/// characters and all-capitals acronyms of at most five letters match only with their exact case; in the
/// case-insensitive modes every token the entry writes with a capital must be capitalised in the text. A single-token name that is also a common French word
/// ("Orange", "Nice", "Tours", "Sens") additionally needs a capital in the text, must not open a sentence,
/// a line or a quotation (unless written in capitals), and must not follow a determiner that announces a
/// common noun ("une", "ces", "son"…). Any single-token name (acronyms excepted) is skipped when it is glued
/// to another capitalised word, as it is then most likely part of a longer unknown name ("Thomas Pesquet").
/// These context rules are the "common-word guard".</para>
/// </remarks>
public sealed class Gazetteer
{
    private static readonly GazetteerMatchMode[] s_modes =
        [GazetteerMatchMode.Exact, GazetteerMatchMode.IgnoreCase, GazetteerMatchMode.IgnoreCaseAndAccents];

    private static readonly Lazy<DefaultGazetteerData> s_defaultData = new(DefaultGazetteerData.Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Gazetteer> s_default = new(
        () => new Gazetteer(s_defaultData.Value.Entries, s_defaultData.Value.CommonWords, commonWordGuard: true),
        LazyThreadSafetyMode.ExecutionAndPublication);


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

        var tokens = new List<Token>();
        var tokenTexts = new List<string>();
        for (int e = 0; e < entries.Length; e++)
        {
            foreach (string surface in entries[e].Surfaces())
            {
                tokens.Clear();
                FrenchTokenizer.Default.Tokenize(surface, tokens);
                if (tokens.Count == 0 || (tokens.Count == 1 && tokens[0].Length < 2))
                    continue; // single characters are never matched: too ambiguous ("Y", "A").

                tokenTexts.Clear();
                foreach (var token in tokens)
                    tokenTexts.Add(token.GetText(surface));

                var prepared = Prepare(e, entries[e].MatchMode, surface, tokenTexts, commonWords);
                var trie = _tries[(int)prepared.Mode];
                int replaced = trie.Insert(tokenTexts, _surfaces.Count);
                if (replaced >= 0 && _surfaces[replaced].Entry == e)
                {
                    // Two spellings of one entry that fold alike ("Crédit mutuel", "Crédit Mutuel"): keep the laxer capitalisation.
                    var earlier = _surfaces[replaced];
                    _surfaces[replaced] = earlier with
                    {
                        CapitalMask = earlier.CapitalMask & prepared.CapitalMask,
                        IsCommonWord = earlier.IsCommonWord && prepared.IsCommonWord,
                    };
                    trie.Insert(tokenTexts, replaced);
                    continue;
                }
                _surfaces.Add(prepared);
                _maxTokens = Math.Max(_maxTokens, tokenTexts.Count);
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

    /// <summary>
    /// The default gazetteer embedded in the library: French communes, départements and régions, countries
    /// and world cities with their French names, curated organisations, and names harvested from annotated
    /// training corpora. Loaded once, on first use.
    /// </summary>
    /// <exception cref="InvalidDataException">The embedded resource is missing or corrupt.</exception>
    public static Gazetteer Default => s_default.Value;

    /// <summary>Whether <see cref="Default"/> has been built already.</summary>
    internal static bool IsDefaultLoaded => s_default.IsValueCreated;

    /// <summary>A gazetteer with no entries; it never matches.</summary>
    public static Gazetteer Empty { get; } = new([], new HashSet<string>(), commonWordGuard: true);

    /// <summary>The number of entries (an entry with aliases counts once).</summary>
    public int Count => _entries.Length;

    /// <summary>The entries, in the order they were added.</summary>
    public IReadOnlyList<GazetteerEntry> Entries => Array.AsReadOnly(_entries);

    /// <summary>
    /// Builds a gazetteer from <paramref name="entries"/>. Single-token names that are common French words
    /// are guarded with the common-word lexicon embedded in the library (the words that collide with
    /// names of the default gazetteer).
    /// </summary>
    /// <param name="entries">The entries; later entries override earlier ones that share a surface.</param>
    /// <returns>The new gazetteer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or one of its items is null.</exception>
    public static Gazetteer FromEntries(IEnumerable<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var array = entries.ToArray();
        if (Array.IndexOf(array, null) >= 0)
            throw new ArgumentNullException(nameof(entries), "The entries contain null.");
        return new Gazetteer(array, s_defaultData.Value.CommonWords, commonWordGuard: true);
    }

    /// <summary>
    /// Loads a UTF-8 TSV file: one entry per line, <c>name&lt;TAB&gt;type[&lt;TAB&gt;canonical[&lt;TAB&gt;alias|alias…[&lt;TAB&gt;mode]]]</c>.
    /// See <see cref="LoadTsv(TextReader, string)"/> for the format.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The gazetteer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GazetteerFormatException">A line is malformed; the message names the file and the line.</exception>
    public static Gazetteer LoadTsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Gazetteer file '{path}' does not exist.", path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return LoadTsv(reader, path);
    }

    /// <summary>
    /// Reads TSV entries from <paramref name="reader"/>. Columns: name; type (<c>PER</c>, <c>ORG</c>, <c>LOC</c> or
    /// <c>Person</c>, <c>Organization</c>, <c>Location</c>, any case); optional canonical name (empty = the name);
    /// optional aliases separated by <c>|</c>; optional match mode (<c>Exact</c>, <c>IgnoreCase</c>,
    /// <c>IgnoreCaseAndAccents</c>; default: <c>Exact</c> for an all-capitals name of at most five letters,
    /// otherwise <c>IgnoreCase</c>). Blank lines and lines starting with <c>#</c> are skipped.
    /// </summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The name used in error messages (usually the file name).</param>
    /// <returns>The gazetteer.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="GazetteerFormatException">A line is malformed; the message names the source and the line.</exception>
    public static Gazetteer LoadTsv(TextReader reader, string sourceName)
    {
        return FromEntries(GazetteerTsv.Read(reader, sourceName));
    }

    /// <summary>
    /// Merges gazetteers into one. Entries of later gazetteers override entries of earlier ones that share a
    /// surface, so put the most specific last: <c>Combine(Gazetteer.Default, mine)</c>.
    /// </summary>
    /// <param name="gazetteers">The gazetteers to merge.</param>
    /// <returns>The merged gazetteer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteers"/> or one of its items is null.</exception>
    public static Gazetteer Combine(params Gazetteer[] gazetteers)
    {
        ArgumentNullException.ThrowIfNull(gazetteers);
        if (Array.IndexOf(gazetteers, null) >= 0)
            throw new ArgumentNullException(nameof(gazetteers), "The gazetteers contain null.");
        var commonWords = gazetteers.Select(g => g._commonWords).Where(set => set.Count > 0).Distinct().ToArray();
        IReadOnlySet<string> merged = commonWords.Length switch
        {
            0 => new HashSet<string>(),
            1 => commonWords[0],
            _ => new HashSet<string>(commonWords.SelectMany(set => set), StringComparer.Ordinal),
        };
        return new Gazetteer([.. gazetteers.SelectMany(g => g._entries)], merged, commonWordGuard: true);
    }

    /// <summary>
    /// Finds the known names in <paramref name="text"/>, tokenized with <see cref="FrenchTokenizer.Default"/>.
    /// </summary>
    /// <param name="text">The text; offsets of the matches index into it.</param>
    /// <returns>The matches, in text order, non-overlapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<GazetteerMatch> FindMatches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        FrenchTokenizer.Default.Tokenize(text, tokens);
        var matches = new List<GazetteerMatch>();
        FindMatches(text, tokens, 0, tokens.Count, matches);
        return matches;
    }

    /// <summary>Builds a gazetteer with an explicit common-word lexicon (used by the compiler and tests).</summary>
    internal static Gazetteer Create(IEnumerable<GazetteerEntry> entries, IReadOnlySet<string> commonWords)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(commonWords);
        return new Gazetteer([.. entries], commonWords, commonWordGuard: true);
    }

    /// <summary>The same gazetteer with the common-word guard switched on or off (to measure the guard).</summary>
    internal Gazetteer WithCommonWordGuard(bool enabled) => enabled == _commonWordGuard ? this : new Gazetteer(this, enabled);

    /// <summary>The common-word lexicon this gazetteer guards with.</summary>
    internal IReadOnlySet<string> CommonWords => _commonWords;

    /// <summary>
    /// Appends the matches found over tokens[<paramref name="start"/>..<paramref name="end"/>) of <paramref name="text"/>
    /// (whole sentences: a name never spans two) to <paramref name="destination"/>; their token indices index
    /// <paramref name="tokens"/>. Allocates nothing but the appended matches.
    /// </summary>
    internal void FindMatches(string text, IReadOnlyList<Token> tokens, int start, int end, List<GazetteerMatch> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(destination);
        int count = end - start;
        if (count <= 0 || _surfaces.Count == 0)
            return;

        ulong[] hashes = ArrayPool<ulong>.Shared.Rent(count * s_modes.Length);
        try
        {
            for (int m = 0; m < s_modes.Length; m++)
            {
                if (_tries[m].IsEmpty)
                    continue;
                for (int t = 0; t < count; t++)
                    hashes[(m * count) + t] = TokenFolding.Hash(tokens[start + t].AsSpan(text), s_modes[m]);
            }

            int i = start;
            while (i < end)
            {
                int bestSurface = -1;
                int bestLength = 0;
                for (int m = 0; m < s_modes.Length; m++)
                {
                    var trie = _tries[m];
                    if (trie.IsEmpty)
                        continue;
                    int node = 0;
                    int limit = Math.Min(end, i + _maxTokens);
                    for (int j = i; j < limit; j++)
                    {
                        if (j > i && !AreAdjacent(text, tokens[j - 1], tokens[j]))
                            break; // a name never spans a sentence or a line break
                        if (!trie.TryStep(node, hashes[(m * count) + j - start], tokens[j].AsSpan(text), out node))
                            break;
                        int surface = trie.TerminalOf(node);
                        int length = j - i + 1;
                        if (surface >= 0 && length > bestLength && Accepts(_surfaces[surface], text, tokens, i))
                        {
                            bestSurface = surface;
                            bestLength = length;
                        }
                    }
                }

                if (bestSurface < 0)
                {
                    i++;
                    continue;
                }

                var hit = _surfaces[bestSurface];
                var entry = _entries[hit.Entry];
                var first = tokens[i];
                var last = tokens[i + bestLength - 1];
                destination.Add(new GazetteerMatch(first.Start, last.End - first.Start, entry.Type, entry.CanonicalName, i, bestLength, ConfidenceOf(hit)));
                i += bestLength;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    private static float ConfidenceOf(GazetteerSurface surface)
    {
        if (surface.TokenCount > 1 || surface.IsAcronym)
            return 0.9f;
        return surface.IsCommonWord ? 0.5f : 0.75f;
    }

    private bool Accepts(GazetteerSurface surface, string text, IReadOnlyList<Token> tokens, int first)
    {
        if (surface.CapitalMask != 0)
        {
            for (int k = 0; k < surface.TokenCount && k < 64; k++)
            {
                if ((surface.CapitalMask & (1UL << k)) != 0 && !TokenFolding.StartsUpper(tokens[first + k].AsSpan(text)))
                    return false;
            }
        }

        if (!_commonWordGuard || surface.TokenCount > 1 || surface.IsAcronym)
            return true;

        if (TouchesCapitalisedWord(text, tokens, first))
            return false;
        if (!surface.IsCommonWord)
            return true;

        var token = tokens[first].AsSpan(text);
        if (TokenFolding.IsAllLowercase(token))
            return false;
        if (TokenFolding.IsAllCapitals(token))
            return true;
        return !IsSentenceInitial(text, tokens, first) && !FollowsCommonNounDeterminer(text, tokens, first);
    }

    /// <summary>
    /// A one-word name glued to another capitalised word is most likely part of a longer name the gazetteer
    /// does not know ("Thomas Pesquet", "Paris Match"): matching it alone would report a wrong span.
    /// </summary>
    private static bool TouchesCapitalisedWord(string text, IReadOnlyList<Token> tokens, int index)
    {
        var current = tokens[index];
        if (index + 1 < tokens.Count && AreAdjacent(text, current, tokens[index + 1]) && IsNamePart(text, tokens[index + 1]))
            return true;
        return index > 0 && AreAdjacent(text, tokens[index - 1], current) && IsNamePart(text, tokens[index - 1])
            && !IsSentenceInitial(text, tokens, index - 1);
    }

    private static bool AreAdjacent(string text, Token left, Token right) =>
        left.SentenceIndex == right.SentenceIndex && !text.AsSpan(left.End, right.Start - left.End).Contains('\n');

    /// <summary>A capitalised word that could belong to a name: not an elided article, an abbreviation or a title.</summary>
    private static bool IsNamePart(string text, Token token)
    {
        var span = token.AsSpan(text);
        if (token.Kind != TokenKind.Word || span.Length < 2 || !TokenFolding.StartsUpper(span) || IsElision(text, token) || span[^1] == '.')
            return false;
        return !FrenchTitles.IsAbbreviatedTitle(span);
    }

    private static bool IsSentenceInitial(string text, IReadOnlyList<Token> tokens, int index)
    {
        if (index == 0)
            return true;
        var current = tokens[index];
        var previous = tokens[index - 1];
        if (previous.SentenceIndex != current.SentenceIndex)
            return true;
        if (text.AsSpan(previous.End, current.Start - previous.End).Contains('\n'))
            return true;
        if (FrenchPunctuation.OpensClause(previous.AsSpan(text)))
            return true;

        // An elided article that itself opens the sentence ("L'Orange…") leaves the name sentence-initial too.
        return previous.Kind == TokenKind.Word && IsElision(text, previous) && IsSentenceInitial(text, tokens, index - 1);
    }

    private static bool IsElision(string text, Token token) => FrenchElisions.IsElidedToken(token.AsSpan(text));

    private static bool FollowsCommonNounDeterminer(string text, IReadOnlyList<Token> tokens, int index)
    {
        if (index == 0 || tokens[index - 1].SentenceIndex != tokens[index].SentenceIndex)
            return false;
        return FrenchFunctionWords.CommonNounDeterminers.Contains(tokens[index - 1].AsSpan(text));
    }

    private static GazetteerSurface Prepare(int entry, GazetteerMatchMode mode, string surface, List<string> tokens, IReadOnlySet<string> commonWords)
    {
        bool single = tokens.Count == 1;
        bool acronym = single && tokens[0].Length <= 5 && TokenFolding.IsAllCapitals(tokens[0]) && tokens[0].All(c => char.IsLetterOrDigit(c));
        if (acronym || surface.Length <= 2)
            mode = GazetteerMatchMode.Exact;

        ulong mask = 0;
        if (mode != GazetteerMatchMode.Exact)
        {
            for (int k = 0; k < tokens.Count && k < 64; k++)
            {
                if (TokenFolding.StartsUpper(tokens[k]))
                    mask |= 1UL << k;
            }
        }

        bool common = single && commonWords.Contains(tokens[0].ToLowerInvariant());
        return new GazetteerSurface(entry, tokens.Count, mode, mask, common, acronym);
    }
}
