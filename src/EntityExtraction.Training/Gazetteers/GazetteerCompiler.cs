using EntityExtraction.Gazetteers;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// Compiles the default gazetteer from <c>../shared/data</c> and the curated TSV files. Sources are taken in
/// priority order — curated lists, régions, départements, ISO countries, communes, names harvested from
/// <c>train/</c> — and a name already claimed by an earlier source (compared case- and accent-insensitively)
/// is dropped from later ones, so each surface has one owner.
/// </summary>
public sealed class GazetteerCompiler
{
    /// <summary>Options of a compilation.</summary>
    /// <param name="DataRoot">The shared data folder (<c>../shared/data</c>).</param>
    /// <param name="CuratedDirectory">The folder whose <c>*.tsv</c> files are read as curated lists.</param>
    /// <param name="MinimumCommonWordCommunePopulation">
    /// A commune whose name is a common French word or a first name is kept only from this population on.
    /// </param>
    /// <param name="MinimumCommunePopulation">Smaller communes are left out: their names collide with surnames and words far more often than they are meant.</param>
    public sealed record Options(string DataRoot, string CuratedDirectory, int MinimumCommonWordCommunePopulation = 10_000, int MinimumCommunePopulation = 0);

    /// <summary>The result: the entries (with their source), the common-word subset, and counts per source.</summary>
    public sealed record Result(IReadOnlyList<GazetteerSourceEntry> Entries, IReadOnlyCollection<string> CommonWords, IReadOnlyList<(string Source, int Read, int Kept)> Counts)
    {
        /// <summary>The compiled gazetteer, with or without the common-word guard.</summary>
        public Gazetteer ToGazetteer(bool commonWordGuard = true) =>
            Gazetteer.Create(Entries.Select(e => e.Entry), new HashSet<string>(CommonWords, StringComparer.Ordinal)).WithCommonWordGuard(commonWordGuard);

        /// <summary>
        /// Writes the compiled entries (see <c>GazetteerResource</c>) to <paramref name="path"/> and the common-word
        /// lexicon of the guard (see <c>CommonWordResource</c>) beside it, with the extension <c>.commonwords</c>.
        /// </summary>
        /// <returns>The path of the common-word lexicon.</returns>
        public string Write(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = File.Create(path))
                GazetteerResource.Write(stream, [.. Entries.Select(e => e.Entry)]);
            string commonWordsPath = Path.ChangeExtension(path, ".commonwords");
            using (var stream = File.Create(commonWordsPath))
                CommonWordResource.Write(stream, CommonWords);
            return commonWordsPath;
        }
    }

    public static Result Compile(Options options, TextWriter? log = null)
    {
        string sources = Path.Combine(options.DataRoot, "gazetteer-sources");
        string etalab = Path.Combine(sources, "etalab-decoupage-administratif");
        var lexicon = CommonWordLexicon.Load(Path.Combine(sources, "an-array-of-french-words", "index.json"));
        string hunspell = Path.Combine(sources, "hunspell-fr-comprehensive", "fr.dic");
        var firstNames = ReadHunspellNames(hunspell, "po:prn");
        var personNames = ReadHunspellNames(hunspell, "po:patr");
        personNames.UnionWith(firstNames);

        bool Ambiguous(string name) => IsAmbiguous(name, lexicon, personNames);

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<GazetteerSourceEntry>();
        var counts = new List<(string, int, int)>();

        void AddSource(string source, IEnumerable<GazetteerEntry> entries)
        {
            int read = 0, added = 0;
            foreach (var entry in entries)
            {
                read++;
                var unclaimed = Claim(entry, claimed);
                if (unclaimed is null)
                    continue;
                kept.Add(new GazetteerSourceEntry(unclaimed, source));
                added++;
            }
            counts.Add((source, read, added));
            log?.WriteLine($"{source}: {read} read, {added} kept");
        }

        foreach (var (file, entries) in CuratedLists.Read(options.CuratedDirectory))
            AddSource("curated/" + Path.GetFileName(file), entries);

        AddSource("etalab/regions", AdministrativeSources.ReadNamed(Path.Combine(etalab, "regions.json")).Select(e => AdministrativeSources.WithoutLeadingArticle(e, Ambiguous)));
        AddSource("etalab/departements", AdministrativeSources.ReadNamed(Path.Combine(etalab, "departements.json")).Select(e => AdministrativeSources.WithoutLeadingArticle(e, Ambiguous)));
        AddSource("i18n-iso-countries/fr", AdministrativeSources.ReadCountries(Path.Combine(sources, "i18n-iso-countries", "fr.json")));
        AddSource("etalab/communes", AdministrativeSources.ReadCommunes(etalab)
            .OrderByDescending(c => c.Population)
            .Where(c => c.Population >= options.MinimumCommunePopulation)
            .Where(c => c.Population >= options.MinimumCommonWordCommunePopulation || !Ambiguous(c.Name))
            .Select(AdministrativeSources.ToEntry)
            .Select(e => AdministrativeSources.WithoutLeadingArticle(e, Ambiguous)));

        var harvester = new CorpusNameHarvester();
        foreach (string corpus in Directory.GetFiles(Path.Combine(options.DataRoot, "ner", "train"), "*.conll").Order(StringComparer.Ordinal))
            harvester.AddCorpus(corpus, noisy: Path.GetFileName(corpus).StartsWith("wikiann", StringComparison.OrdinalIgnoreCase));
        AddSource("train/*.conll (harvested)", harvester.Harvest(lexicon)
            .Where(e => !(e.Type == EntityType.Person && firstNames.Contains(e.Name))));

        var commonWords = kept
            .SelectMany(e => e.Entry.Surfaces())
            .Where(s => !s.Contains(' ') && !s.Contains('\''))
            .Select(s => s.ToLowerInvariant())
            .Where(lexicon.Contains)
            .ToHashSet(StringComparer.Ordinal);
        log?.WriteLine($"common-word subset: {commonWords.Count} words");
        return new Result(kept, commonWords, counts);
    }

    /// <summary>A name that is also a common word, a first name or a surname ("Sens", "Bar", "Marie", "Chirac") is ambiguous.</summary>
    private static bool IsAmbiguous(string name, HashSet<string> lexicon, HashSet<string> personNames) =>
        name.Length <= 2 || lexicon.Contains(name.ToLowerInvariant()) || personNames.Contains(name);

    /// <summary>Removes the surfaces already owned by an earlier entry; null when the name itself is owned.</summary>
    private static GazetteerEntry? Claim(GazetteerEntry entry, HashSet<string> claimed)
    {
        if (claimed.Contains(Key(entry.Name)))
            return null;
        var aliases = entry.Aliases.Where(a => !claimed.Contains(Key(a))).ToList();
        foreach (string surface in entry.Surfaces())
            claimed.Add(Key(surface));
        return aliases.Count == entry.Aliases.Count
            ? entry
            : new GazetteerEntry(entry.Name, entry.Type, entry.CanonicalName, aliases, entry.MatchMode);
    }

    private static string Key(string surface) => TokenFolding.FoldToString(surface, GazetteerMatchMode.IgnoreCaseAndAccents);

    /// <summary>The words of the hunspell dictionary tagged <paramref name="tag"/> (first names <c>po:prn</c>, surnames <c>po:patr</c>).</summary>
    private static HashSet<string> ReadHunspellNames(string dicPath, string tag)
    {
        if (!File.Exists(dicPath))
            throw new FileNotFoundException($"Hunspell dictionary '{dicPath}' does not exist.", dicPath);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(dicPath))
        {
            if (!line.Contains(tag, StringComparison.Ordinal))
                continue;
            int end = line.IndexOfAny(['/', ' ', '\t']);
            names.Add(end < 0 ? line : line[..end]);
        }
        return names;
    }
}
