using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EntityExtraction.Cli;

namespace EntityExtraction.Training.Tests.Cli;

/// <summary>
/// <c>extract</c> on plain text reads it through the streaming extractor (<see cref="TextInputExtraction"/>): the
/// output is what writing the whole text and its entities at once gives, for every format, and a text longer than
/// the window is read in pieces (twice for a JSON record: its text, then its entities).
/// </summary>
public sealed class StreamedTextTests : IDisposable
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    private readonly string _folder = Directory.CreateTempSubdirectory("streamed-text-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Article()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "seeds", "ai-alliance-article.txt");
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException("seeds/ai-alliance-article.txt");
    }

    private string Write(string text)
    {
        string path = Path.Combine(_folder, $"text-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The output of <see cref="TextInputExtraction"/> on a file, read whole when up to <paramref name="wholeTextChars"/>.</summary>
    private static string Streamed(string path, string format, int wholeTextChars = TextInputExtraction.WholeTextChars)
    {
        using var output = new MemoryStream();
        using (var writer = new ExtractOutputWriter(output, format))
            TextInputExtraction.RunAsync(path, long.MaxValue, null, Extractor, writer, null, wholeTextChars).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>What the writer gives for the whole text and the entities the streaming extractor finds in it.</summary>
    private static string Whole(string text, string format)
    {
        var entities = new List<Entity>();
        var enumerator = Extractor.ExtractAsync(new StringReader(text)).GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            entities.Add(enumerator.Current);
        using var output = new MemoryStream();
        using (var writer = new ExtractOutputWriter(output, format))
            writer.Write(null, text, entities);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    [InlineData("pretty")]
    public void A_text_read_in_pieces_is_written_as_the_whole_text_would_be(string format)
    {
        // Pieces of 1,000 characters (a JSON record is then read twice), split surrogate pairs, control characters.
        string text = string.Concat(Enumerable.Repeat(Article() + "\n\nLe 😀 de Jean Dupont \u001b[2J 👩‍💻 à Paris, dit « IBM ».\n\n", 4));

        Streamed(Write(text), format, wholeTextChars: 1_000).Should().Be(Whole(text, format));
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("pretty")]
    public void A_text_longer_than_the_window_is_written_as_the_whole_text_would_be(string format)
    {
        // 180 copies of the article: 400,000 characters, past the 320 K that are one document.
        string text = string.Concat(Enumerable.Repeat(Article() + "\n\n", 180));

        string streamed = Streamed(Write(text), format);

        streamed.Should().Be(Whole(text, format));
        if (format == "jsonl")
        {
            using var record = JsonDocument.Parse(streamed);
            record.RootElement.GetProperty("text").GetString().Should().Be(text);
            var entities = record.RootElement.GetProperty("entities").EnumerateArray().ToList();
            entities.Should().HaveCountGreaterThan(180 * 30);
            foreach (var e in entities)
            {
                int start = e.GetProperty("start").GetInt32(), end = e.GetProperty("end").GetInt32();
                text[start..end].Should().Be(e.GetProperty("text").GetString(), "offsets index the whole text");
            }
        }
        else
        {
            streamed.Should().StartWith("Legend: ").And.Contain($"{180 * 39} mentions");
        }
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    public void A_surrogate_pair_split_between_two_pieces_of_text_is_written_whole(string format)
    {
        const string text = "Le 😀 de Lyon";
        int split = text.IndexOf("😀", StringComparison.Ordinal) + 1;
        using var pieces = new MemoryStream();
        using (var writer = new ExtractOutputWriter(pieces, format))
        {
            writer.BeginRecord("1");
            writer.WriteTextSegment(text.AsSpan(0, split), last: false);
            writer.WriteTextSegment(text.AsSpan(split), last: false);
            writer.WriteTextSegment([], last: true);
            writer.EndRecord();
        }
        using var whole = new MemoryStream();
        using (var writer = new ExtractOutputWriter(whole, format))
            writer.Write("1", text, []);

        Encoding.UTF8.GetString(pieces.ToArray()).Should().Be(Encoding.UTF8.GetString(whole.ToArray()));
    }

    [Fact]
    public void A_short_text_has_the_output_Extract_gives()
    {
        const string text = "Sylvain Rolland, journaliste à La Tribune, a interrogé IBM et Meta à Paris.";

        Streamed(Write(text), "jsonl").Should().Be(WholeWithExtract(text));
    }

    private static string WholeWithExtract(string text)
    {
        using var output = new MemoryStream();
        using (var writer = new ExtractOutputWriter(output, "jsonl"))
            writer.Write(null, text, Extractor.Extract(text));
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Standard_input_longer_than_the_window_is_read_again_from_a_temporary_copy()
    {
        string path = Write(string.Concat(Enumerable.Repeat(Article() + "\n\n", 150)));

        var fromFile = Run(path, null);
        var fromStdin = Run(null, path);

        fromFile.ExitCode.Should().Be(0, fromFile.Error);
        fromStdin.ExitCode.Should().Be(0, fromStdin.Error);
        fromStdin.Output.Should().Be(fromFile.Output);
        fromFile.Output.Length.Should().BeGreaterThan(150 * 2_000);
    }

    [Fact]
    public void A_limit_given_on_the_command_line_stops_standard_input_at_it()
    {
        string path = Write(string.Concat(Enumerable.Repeat(Article() + "\n\n", 1_000)));

        var limited = Run(null, path, "--max-input-mb", "1");

        limited.ExitCode.Should().Be(1);
        limited.Error.Should().Contain("standard input is larger than 1 MB; split it, or raise --max-input-mb");
    }

    /// <summary>Runs <c>extract --format jsonl</c> on a file, or with <paramref name="stdin"/> piped to standard input.</summary>
    private static (int ExitCode, string Output, string Error) Run(string? path, string? stdin, params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "entity-extraction.dll"));
        start.ArgumentList.Add("extract");
        if (path is not null) start.ArgumentList.Add(path);
        foreach (string arg in new[] { "--format", "jsonl" }.Concat(options)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                using var input = File.OpenRead(stdin);
                input.CopyTo(process.StandardInput.BaseStream);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool stopped reading (a limit): what it says is checked.
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void An_invalid_byte_far_into_the_input_is_named_by_its_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 100_000) + " Soci").Concat(new byte[] { 0xE9, (byte)'t', (byte)'é' }).ToArray();
        using var reader = new InputReader(new MemoryStream(bytes), "'f.txt'", long.MaxValue, null);

        var act = () => reader.ReadToEnd();

        act.Should().Throw<InvalidDataException>().WithMessage("'f.txt' is not UTF-8: invalid byte 0xE9 at offset 100,005.*");
    }

    [Fact]
    public void The_input_reader_decodes_across_its_buffers_and_reads_pairs_one_character_at_a_time()
    {
        string text = "\uFEFF" + string.Concat(Enumerable.Repeat("é😀 Lyon ", 20_000));
        var bytes = Encoding.UTF8.GetBytes(text);

        using (var reader = new InputReader(new MemoryStream(bytes), "x", long.MaxValue, null))
            reader.ReadToEnd().Should().Be(text[1..], "the byte-order mark is skipped");
        using (var reader = new InputReader(new MemoryStream(bytes), "x", long.MaxValue, null))
        {
            var oneByOne = new StringBuilder();
            var one = new char[1];
            while (reader.Read(one, 0, 1) == 1) oneByOne.Append(one[0]);
            oneByOne.ToString().Should().Be(text[1..]);
        }
    }
}
