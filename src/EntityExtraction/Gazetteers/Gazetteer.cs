using EntityExtraction.Tokenization;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// A list of known names (people, organisations, places) found in text by a token trie: matching cost
/// grows with the length of the text, not with the number of names. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Matches are returned in text order, never overlap, and the longest match starting at the leftmost
/// position wins; at equal length an exact-case surface beats a case-insensitive one, which beats an
/// accent-insensitive one. When two entries share a surface in the same mode, the one added last wins.</para>
/// <para>Guards against false positives: a single-character surface never matches; surfaces of at most two
/// characters and all-capitals acronyms of at most five letters match only with their exact case; in the
/// case-insensitive modes every token the entry writes with a capital must be capitalised in the text. Single-word
/// names also pass the common-word guard (<see cref="CommonWordGuard"/>): a name that is also a common French word
/// ("Orange", "Nice", "Tours") needs a context that reads as a name, and a one-word name glued to another
/// capitalised word is left to the longer name it is part of.</para>
/// <para>The parts: this file, the public surface; <c>Gazetteer.Building.cs</c>, the tries;
/// <c>Gazetteer.Matching.cs</c>, the matching; <see cref="CommonWordGuard"/>, the context rules.</para>
/// </remarks>
public sealed unsafe partial class Gazetteer
{
    private static readonly Lazy<Gazetteer> s_default = new(
        DefaultGazetteerData.Load,
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The default gazetteer embedded in the library: French communes, départements and régions, countries
    /// and world cities with their French names, curated organisations, and names harvested from annotated
    /// training corpora. Loaded once, on first use; extractors use it unless told not to.
    /// </summary>
    /// <exception cref="InvalidDataException">The embedded resource is missing or corrupt.</exception>
    internal static Gazetteer Default => s_default.Value;

    /// <summary>Whether <see cref="Default"/> has been built already.</summary>
    internal static bool IsDefaultLoaded => s_default.IsValueCreated;

    /// <summary>A gazetteer with no entries; it never matches.</summary>
    public static Gazetteer Empty { get; } = new([], new HashSet<string>(), commonWordGuard: true);

    /// <summary>The number of entries (an entry with aliases counts once).</summary>
    public int Count => _entries.Count;

    /// <summary>The entries, in the order they were added.</summary>
    public IReadOnlyList<GazetteerEntry> Entries => Array.AsReadOnly(_entries.All);

    /// <summary>
    /// Builds a gazetteer from <paramref name="entries"/>. Single-word names that are common French words
    /// are guarded with the common-word lexicon embedded in the library (the words that collide with
    /// names of the default gazetteer), which is small and loads in milliseconds.
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
        return new Gazetteer(array, DefaultGazetteerData.CommonWords, commonWordGuard: true);
    }

    /// <summary>
    /// Loads a UTF-8 TSV file: one entry per line, <c>name&lt;TAB&gt;type[&lt;TAB&gt;canonical[&lt;TAB&gt;alias|alias…[&lt;TAB&gt;mode]]]</c>.
    /// See <see cref="LoadTsv(TextReader, string)"/> for the format.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The gazetteer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GazetteerFormatException">A line is malformed, is not UTF-8 or is longer than 4,096 bytes; the
    /// message names the file and the line.</exception>
    public static Gazetteer LoadTsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            throw new FileNotFoundException($"Gazetteer file '{path}' is a directory, not a file.", path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Gazetteer file '{path}' does not exist.", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return FromEntries(GazetteerTsv.ReadUtf8(stream, path));
    }

    /// <summary>
    /// Reads TSV entries from <paramref name="reader"/>. Columns: name; type (<c>PER</c>, <c>ORG</c>, <c>LOC</c> or
    /// <c>Person</c>, <c>Organization</c>, <c>Location</c>, any case); optional canonical name (empty = the name);
    /// optional aliases separated by <c>|</c>; optional match mode (<c>Exact</c>, <c>IgnoreCase</c>,
    /// <c>IgnoreCaseAndAccents</c>; default: <c>Exact</c> for an all-capitals name of at most five letters,
    /// otherwise <c>IgnoreCase</c>). Blank lines and lines starting with <c>#</c> are skipped. A line may hold 4,096
    /// characters; a name or alias needs a letter or digit and at most <see cref="GazetteerEntry.MaxSurfaceLength"/>
    /// characters.
    /// </summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The name used in error messages (usually the file name).</param>
    /// <returns>The gazetteer.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="GazetteerFormatException">A line is malformed; the message names the source and the line.</exception>
    public static Gazetteer LoadTsv(TextReader reader, string sourceName) => FromEntries(GazetteerTsv.Read(reader, sourceName));

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

    /// <summary>
    /// Merges gazetteers into one. Entries of later gazetteers override entries of earlier ones that share a
    /// surface. Used by the builder for the caller's several gazetteers.
    /// </summary>
    internal static Gazetteer Combine(IReadOnlyList<Gazetteer> gazetteers)
    {
        var commonWords = gazetteers.Select(g => g._commonWords).Where(set => set.Count > 0).Distinct().ToArray();
        IReadOnlySet<string> merged = commonWords.Length switch
        {
            0 => new HashSet<string>(),
            1 => commonWords[0],
            _ => new HashSet<string>(commonWords.SelectMany(set => set), StringComparer.Ordinal),
        };
        return new Gazetteer([.. gazetteers.SelectMany(g => g._entries.All)], merged, commonWordGuard: true);
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
}
