using System.Diagnostics;
using System.Text;

namespace EntityExtraction.Training.Tests.Cli;

/// <summary>
/// The command line as a user meets it, run as a process: usage errors exit with 2 and one line plus a hint, input
/// errors exit with 1 and one line naming the file or option, and no error shows a stack trace.
/// </summary>
public sealed class CliContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cli-contract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => RunTool("entity-extraction", args);

    /// <summary>Runs one of the two tools, <c>entity-extraction</c> or <c>entity-extraction-train</c>, as a process.</summary>
    internal static (int ExitCode, string Output, string Error) RunTool(string tool, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, tool + ".dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static void ShouldBeOneLineWithoutStackTrace(string error)
    {
        error.Should().NotContain("   at ").And.NotContain("Exception").And.NotContain("Parameter '");
        error.TrimEnd().Split('\n').Length.Should().BeLessThanOrEqualTo(2, "one line, and at most a hint: {0}", error);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "extract", "--min-confidence", "2" }, "--min-confidence must be between 0 and 1 (got 2)")]
    [InlineData(new[] { "extract", "--types", "CITY" }, "Unknown entity type 'CITY' in --types")]
    public void A_usage_error_exits_with_2_and_says_what_is_wrong(string[] args, string message)
    {
        var (exitCode, output, error) = Run(args);

        exitCode.Should().Be(2);
        output.Should().BeEmpty("the help is not printed on standard output for a mistake");
        error.Should().Contain(message);
        ShouldBeOneLineWithoutStackTrace(error);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("build-gazetteer")]
    [InlineData("build-lexicons")]
    public void A_training_verb_given_to_the_extraction_tool_names_the_tool_it_moved_to(string verb)
    {
        var (exitCode, output, error) = Run(verb, "--help");

        exitCode.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain($"run 'entity-extraction-train {verb}'");
        ShouldBeOneLineWithoutStackTrace(error);
    }

    [Fact]
    public void The_training_tool_answers_mistakes_under_the_same_contract()
    {
        var unknown = RunTool("entity-extraction-train", "extract");
        var noFile = RunTool("entity-extraction-train", "evaluate");

        unknown.ExitCode.Should().Be(2);
        unknown.Error.Should().Contain("entity-extraction-train: Unrecognized command or argument 'extract'").And.Contain("Try 'entity-extraction-train --help'.");
        ShouldBeOneLineWithoutStackTrace(unknown.Error);
        noFile.ExitCode.Should().Be(2);
        noFile.Error.Should().Contain("evaluate: give at least one --conll or --jsonl file.");
    }

    [Theory]
    [InlineData("tokenize")]
    [InlineData("extract")]
    public void A_missing_file_or_a_directory_exits_with_1_naming_it(string verb)
    {
        var missing = Run(verb, Path.Combine(_folder, "absent.txt"));
        var directory = Run(verb, _folder);

        missing.ExitCode.Should().Be(1);
        missing.Error.Should().Contain("absent.txt' does not exist");
        directory.ExitCode.Should().Be(1);
        directory.Error.Should().Contain("is a directory, not a file");
        ShouldBeOneLineWithoutStackTrace(missing.Error);
        ShouldBeOneLineWithoutStackTrace(directory.Error);
    }

    [Fact]
    public void A_latin1_file_is_refused_with_the_offset_of_its_first_invalid_byte()
    {
        string path = Path.Combine(_folder, "latin1.txt");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale"));

        var (exitCode, output, error) = Run("extract", path);

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("is not UTF-8: invalid byte 0xE9 at offset 4");
        ShouldBeOneLineWithoutStackTrace(error);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("windows-1252")]
    public void A_latin1_file_reads_whole_with_its_encoding_given(string encoding)
    {
        string path = Path.Combine(_folder, "latin1.txt");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale recrute \u00e0 Paris."));

        var (exitCode, output, _) = Run("extract", path, "--encoding", encoding, "--format", "jsonl");

        exitCode.Should().Be(0);
        output.Should().Contain("\"text\":\"Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\"", "the name is read whole, not cut at a replacement character");
    }

    [Fact]
    public void A_gazetteer_without_line_breaks_is_refused_not_read_into_memory()
    {
        string gazetteer = Path.Combine(_folder, "zeros.tsv");
        File.WriteAllBytes(gazetteer, new byte[100_000]);
        string text = Path.Combine(_folder, "text.txt");
        File.WriteAllText(text, "Paris");

        var (exitCode, _, error) = Run("extract", "--gazetteer", gazetteer, text);

        exitCode.Should().Be(1);
        error.Should().Contain("zeros.tsv:1: line longer than 4,096 bytes");
    }

    [Fact]
    public async Task A_closed_output_pipe_stops_the_work_with_the_sigpipe_status()
    {
        // 20,000 records: seconds of tagging. The reader takes 100 bytes and leaves, as `| head -c 100` does.
        string input = Path.Combine(_folder, "big.jsonl");
        File.WriteAllLines(input, Enumerable.Range(0, 20_000).Select(i =>
            $$"""{"id":{{i}},"text":"Sylvain Rolland a rencontré les dirigeants de Meta et d'IBM à Paris, puis à Lyon."}"""));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "entity-extraction.dll"), "extract", input, "--input-format", "jsonl", "--format", "jsonl" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();

        var head = new char[100];
        process.StandardOutput.ReadBlock(head, 0, head.Length);
        process.StandardOutput.Close();
        await process.WaitForExitAsync();

        new string(head).Should().StartWith("{\"id\":0,");
        process.ExitCode.Should().Be(141, "a closed pipe ends the process as SIGPIPE would, instead of tagging to the end (exit 0)");
        (await error).Should().BeEmpty();
    }

    [Fact]
    public void Output_redirected_to_a_file_is_whole_and_in_order()
    {
        // A regular file as standard output: the JSON array and the line after it must both land, in order.
        string gold = Path.Combine(_folder, "gold.jsonl");
        File.WriteAllText(gold, """{"id":"1","text":"Sylvain Rolland vit à Paris.","entities":[{"start":0,"end":15,"type":"PER"}]}""" + "\n");
        string result = Path.Combine(_folder, "result.json");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"dotnet '{Path.Combine(AppContext.BaseDirectory, "entity-extraction-train.dll")}' evaluate --jsonl '{gold}' --json > '{result}'");
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(0, error);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(result));
        document.RootElement.GetArrayLength().Should().Be(1);
        File.ReadAllText(result).Should().EndWith("]\n");
    }

    [Fact]
    public void Input_beyond_the_size_limit_is_refused_before_it_fills_the_memory()
    {
        string zeros = Path.Combine(_folder, "zeros.bin");
        File.WriteAllBytes(zeros, new byte[2 << 20]);

        var text = Run("extract", zeros, "--max-input-mb", "1");
        var records = Run("extract", zeros, "--input-format", "jsonl", "--max-input-mb", "1");

        text.ExitCode.Should().Be(1);
        text.Error.Should().Contain("is larger than 1 MB; split it, or raise --max-input-mb");
        records.ExitCode.Should().Be(1);
        records.Error.Should().Contain("zeros.bin:1: line longer than 1,048,576 bytes");
        ShouldBeOneLineWithoutStackTrace(text.Error);
        ShouldBeOneLineWithoutStackTrace(records.Error);
    }

    [Theory]
    [InlineData("{\"id\":1,\"text\":\"Paris\"}\n{\"id\":2,\"text\":\"Lyon\",}\n", "records.jsonl:2: malformed record: invalid JSON at byte 23 of the line")]
    [InlineData("{\"id\":1,\"text\":\"\\ud800\"}\n", "records.jsonl:1: malformed record: 'text' holds an escaped lone surrogate")]
    public void A_malformed_record_is_named_by_its_line_in_the_files_terms(string content, string message)
    {
        string path = Path.Combine(_folder, "records.jsonl");
        File.WriteAllText(path, content);

        var (exitCode, _, error) = Run("extract", path, "--input-format", "jsonl", "--format", "jsonl");

        exitCode.Should().Be(1);
        error.Should().Contain(message).And.NotContain("LineNumber");
        ShouldBeOneLineWithoutStackTrace(error);
    }

    [Fact]
    public void A_build_verb_run_outside_the_repository_says_what_it_needs()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "entity-extraction-train.dll"), "build-gazetteer", "--no-write" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(1);
        error.Should().Contain("The shared data folder '../shared/data' does not exist").And.Contain("Run from the repository root, or give --data PATH");
        ShouldBeOneLineWithoutStackTrace(error);
    }

    [Fact]
    public void Timings_break_the_run_down_by_stage_on_standard_error()
    {
        string records = Path.Combine(_folder, "records.jsonl");
        File.WriteAllLines(records, ["""{"id":1,"text":"Sylvain Rolland vit à Paris."}""", """{"id":2,"text":"IBM recrute à Lyon."}"""]);

        var (exitCode, output, error) = Run("extract", records, "--input-format", "jsonl", "--format", "jsonl", "--timings");

        exitCode.Should().Be(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "the results are unchanged on standard output");
        foreach (string stage in new[] { "runtime start-up", "model and gazetteer load", "read and decode input", "tokenize", "model: features", "gazetteer matching", "document stage", "write output", "total" })
            error.Should().Contain(stage);
        error.Should().MatchRegex(@"total\s+\d+\.\d\s+100\.0 %");
    }

    [Fact]
    public void Records_tagged_on_two_threads_come_out_as_on_one_in_input_order()
    {
        // 600 records: three batches, the last one partial.
        string records = Path.Combine(_folder, "records.jsonl");
        string[] texts = ["Sylvain Rolland vit à Paris.", "IBM et Meta lancent l'AI Alliance.", "Rien à signaler.", "La Banque de France publie à Lyon."];
        File.WriteAllLines(records, Enumerable.Range(0, 600).Select(i => $$"""{"id":{{i}},"text":"{{texts[i % texts.Length]}}"}"""));

        var one = Run("extract", records, "--input-format", "jsonl", "--format", "jsonl", "--threads", "1");
        var two = Run("extract", records, "--input-format", "jsonl", "--format", "jsonl", "--threads", "2");

        one.ExitCode.Should().Be(0);
        two.ExitCode.Should().Be(0);
        two.Output.Should().Be(one.Output);
        one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32())
            .Should().Equal(Enumerable.Range(0, 600));
    }

    [Fact]
    public void The_records_before_a_malformed_one_are_still_written()
    {
        string records = Path.Combine(_folder, "records.jsonl");
        File.WriteAllLines(records, [.. Enumerable.Range(0, 10).Select(i => $$"""{"id":{{i}},"text":"Paris."}"""), "{broken", """{"id":99,"text":"Lyon."}"""]);

        var (exitCode, output, error) = Run("extract", records, "--input-format", "jsonl", "--format", "jsonl", "--threads", "2");

        exitCode.Should().Be(1);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(10);
        error.Should().Contain("records.jsonl:11: malformed record");
    }

    [Fact]
    public void A_valid_call_exits_with_0()
    {
        string text = Path.Combine(_folder, "text.txt");
        File.WriteAllText(text, "Sylvain Rolland écrit à Paris.");

        var (exitCode, output, error) = Run("extract", text, "--format", "jsonl");

        exitCode.Should().Be(0);
        error.Should().BeEmpty();
        output.Should().Contain("\"text\":\"Sylvain Rolland\"");
    }
}
