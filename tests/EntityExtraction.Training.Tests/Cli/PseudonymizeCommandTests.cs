using System.Text;
using System.Text.Json;

namespace EntityExtraction.Training.Tests.Cli;

/// <summary><c>pseudonymize</c> and <c>restore</c> as a user runs them: files in, files out, maps, keys and their errors.</summary>
public sealed class PseudonymizeCommandTests : IDisposable
{
    private const string Text = "Jean Dupont a rencontré Mme Martine Leroy à Lyon. M. Dupont a parlé d'Émilie Durand.\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("pseudonymize-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private string Write(string name, string content)
    {
        File.WriteAllText(PathOf(name), content, new UTF8Encoding(false));
        return PathOf(name);
    }

    private string WriteKey(string name, byte seed)
    {
        File.WriteAllBytes(PathOf(name), Enumerable.Range(seed, 32).Select(i => (byte)i).ToArray());
        return PathOf(name);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliContractTests.RunTool("entity-extraction", args);

    [Theory]
    [InlineData("tag")]
    [InlineData("surrogate")]
    [InlineData("hash")]
    public void A_text_file_is_pseudonymised_and_restored_byte_for_byte_with_its_map(string op)
    {
        string input = Write("in.txt", Text);
        string key = WriteKey("key", 1);

        var (code, output, error) = Run("pseudonymize", input, "--operator", op, "--key-file", key, "--map-out", PathOf("map.json"));
        code.Should().Be(0, error);
        output.Should().NotContain("Dupont").And.NotContain("Leroy").And.NotContain("Durand").And.Contain("Lyon").And.Contain("M. ");
        string pseudonymized = Write("out.txt", output);

        var restored = Run("restore", pseudonymized, "--map", PathOf("map.json"));
        restored.ExitCode.Should().Be(0, restored.Error);
        restored.Output.Should().Be(Text);
    }

    [Fact]
    public void Jsonl_records_keep_their_ids_and_share_one_map()
    {
        string input = Write("in.jsonl", """
            {"id":"a","text":"Jean Dupont est arrivé à Lyon."}
            {"id":7,"text":"M. Dupont et Paul Martin sont repartis."}
            """);

        var (code, output, error) = Run("pseudonymize", input, "--input-format", "jsonl", "--map-out", PathOf("map.json"));

        code.Should().Be(0, error);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Select(r => r.GetProperty("id").ToString()).Should().Equal("a", "7");
        records[0].GetProperty("text").GetString().Should().Be("[PER_1] est arrivé à Lyon.");
        records[1].GetProperty("text").GetString().Should().Be("M. [PER_1.2] et [PER_2] sont repartis.",
            "the surname alone joins the one Dupont of the earlier record");
        var restored = Run("restore", Write("out.jsonl", output), "--input-format", "jsonl", "--map", PathOf("map.json"));
        restored.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString())
            .Should().Equal("Jean Dupont est arrivé à Lyon.", "M. Dupont et Paul Martin sont repartis.");
    }

    [Fact]
    public void A_map_continued_with_another_key_is_refused()
    {
        string input = Write("in.txt", Text);
        Run("pseudonymize", input, "--operator", "hash", "--key-file", WriteKey("key", 1), "--map-out", PathOf("map.json")).ExitCode.Should().Be(0);

        var (code, output, error) = Run("pseudonymize", input, "--operator", "hash", "--key-file", WriteKey("other", 100), "--map-in", PathOf("map.json"));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith("pseudonymize: The pseudonym map was made with another key (fingerprint ");
    }

    [Fact]
    public void A_map_of_another_version_and_a_map_that_does_not_match_the_text_are_refused_with_the_reason()
    {
        string input = Write("in.txt", Text);
        Run("pseudonymize", input, "--map-out", PathOf("map.json")).ExitCode.Should().Be(0);
        string future = Write("future.json", File.ReadAllText(PathOf("map.json")).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal));

        var version = Run("restore", input, "--map", future);
        var foreign = Run("restore", Write("foreign.txt", "Selon [PER_9], rien."), "--map", PathOf("map.json"));
        var notAMap = Run("restore", input, "--map", input);

        version.ExitCode.Should().Be(1);
        version.Error.Should().Contain("future.json: The pseudonym map has version 2; this library reads version 1.");
        foreign.ExitCode.Should().Be(1);
        foreign.Error.Should().Contain("[PER_9] at offset 6, which this map does not know");
        notAMap.ExitCode.Should().Be(1);
        notAMap.Error.Should().Contain("is not valid JSON");
    }

    [Theory]
    [InlineData(new[] { "pseudonymize", "--operator", "hash" }, "--operator hash needs --key-file")]
    [InlineData(new[] { "pseudonymize", "--operator", "surrogate", "--types", "ORG" }, "--operator surrogate replaces persons only")]
    [InlineData(new[] { "pseudonymize", "--operator", "scramble" }, "scramble")]
    public void Usage_errors_exit_with_2_and_name_the_option(string[] args, string message)
    {
        var (code, _, error) = Run(args);

        code.Should().Be(2);
        error.Should().Contain(message);
    }

    [Fact]
    public void A_key_file_too_short_is_refused()
    {
        File.WriteAllBytes(PathOf("short"), new byte[8]);

        var (code, _, error) = Run("pseudonymize", Write("in.txt", Text), "--operator", "hash", "--key-file", PathOf("short"));

        code.Should().Be(1);
        error.Should().Contain("holds 8 bytes; a key needs at least 16");
    }
}
