using EntityExtraction.Gazetteers;
using EntityExtraction.Training.Gazetteers;

namespace EntityExtraction.Training.Tests.Gazetteers;

public sealed class CuratedListsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "curated-lists-" + Guid.NewGuid().ToString("N"));

    public CuratedListsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_tsv_file_is_read_in_ordinal_name_order_and_other_files_are_ignored()
    {
        File.WriteAllText(Path.Combine(_folder, "b-places.tsv"), "Lyon\tLOC\n");
        File.WriteAllText(Path.Combine(_folder, "a-orgs.tsv"), "# organisations\nAirbus\tORG\tAirbus\tAirbus SE\n");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a list");

        var lists = CuratedLists.Read(_folder);

        lists.Select(l => Path.GetFileName(l.Path)).Should().Equal("a-orgs.tsv", "b-places.tsv");
        lists[0].Entries.Should().ContainSingle().Which.Aliases.Should().Equal("Airbus SE");
        lists[1].Entries.Should().ContainSingle().Which.Type.Should().Be(EntityType.Location);
    }

    [Fact]
    public void A_missing_folder_or_a_malformed_line_is_named()
    {
        var missing = () => CuratedLists.Read(Path.Combine(_folder, "nowhere"));
        missing.Should().Throw<DirectoryNotFoundException>().WithMessage("*nowhere*does not exist*");

        File.WriteAllText(Path.Combine(_folder, "bad.tsv"), "Lyon\tLOC\nParis\tCITY\n");
        var malformed = () => CuratedLists.Read(_folder);
        malformed.Should().Throw<GazetteerFormatException>().Where(e => e.LineNumber == 2 && e.Message.Contains("bad.tsv"));
    }
}
