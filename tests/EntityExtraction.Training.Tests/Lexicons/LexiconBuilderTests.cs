using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Lexicons;

namespace EntityExtraction.Training.Tests.Lexicons;

public sealed class LexiconBuilderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("curated-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static LexiconFlags Flags(Lexicon lexicon, string word) => lexicon.Lookup(FeatureHash.LowerCase(word));

    [Fact]
    public void Curated_lists_flag_the_words_of_organisation_and_place_names_and_aliases()
    {
        File.WriteAllText(Path.Combine(_folder, "orgs.tsv"), "# organisations\nZorglub Industries\tORG\tZorglub\tZGBX|Groupe Zorglomax\n");
        File.WriteAllText(Path.Combine(_folder, "places.tsv"), "Pontarlimbour\tLOC\n");

        var lexicon = new LexiconBuilder().AddCuratedNames(_folder).Build();

        Flags(lexicon, "Zorglub").Should().HaveFlag(LexiconFlags.CuratedOrganization);
        Flags(lexicon, "industries").Should().HaveFlag(LexiconFlags.CuratedOrganization, "lookups are case-insensitive");
        Flags(lexicon, "ZGBX").Should().HaveFlag(LexiconFlags.CuratedOrganization);
        Flags(lexicon, "Zorglomax").Should().HaveFlag(LexiconFlags.CuratedOrganization);
        Flags(lexicon, "Pontarlimbour").Should().Be(LexiconFlags.CuratedPlace);
        Flags(lexicon, "Groupe").Should().NotHaveFlag(LexiconFlags.CuratedPlace);
    }

    [Fact]
    public void A_missing_curated_folder_is_an_error_naming_it()
    {
        var act = () => new LexiconBuilder().AddCuratedNames(Path.Combine(_folder, "nope"));

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*nope*");
    }

    [Fact]
    public void A_copy_starts_with_the_same_words_and_grows_on_its_own()
    {
        File.WriteAllText(Path.Combine(_folder, "places.tsv"), "Pontarlimbour\tLOC\n");
        var common = new LexiconBuilder().AddCuratedNames(_folder);
        var harvested = new TaggedSentence(["Zorglub", "est", "là"], [1, 0, 0]);

        var withNames = common.Copy().AddHarvestedNames([harvested]).Build();
        var without = common.Build();

        Flags(withNames, "Pontarlimbour").Should().Be(LexiconFlags.CuratedPlace);
        Flags(withNames, "Zorglub").Should().Be(LexiconFlags.HarvestedPerson);
        Flags(without, "Pontarlimbour").Should().Be(LexiconFlags.CuratedPlace);
        Flags(without, "Zorglub").Should().Be(LexiconFlags.None, "names added to the copy stay out of the original");
    }
}
