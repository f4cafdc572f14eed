using System.Text;
using CsCheck;
using EntityExtraction.Pipeline;

namespace EntityExtraction.Tests.Pipeline;

/// <summary>
/// <see cref="FrenchEntityExtractor.ExtractAsync(TextReader, CancellationToken)"/>: a text read block by block gives
/// the entities of <see cref="FrenchEntityExtractor.Extract(string)"/> when it fits in the window, offsets into the
/// whole stream beyond it, and cuts blocks only where the tokens and the model's pieces are unchanged. Small blocks
/// (internal <see cref="StreamingOptions"/>) make a few sentences cross many blocks and windows.
/// </summary>
public class StreamingTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    private static readonly string Article = File.ReadAllText(SeedArticleTests.FindSeedArticle());

    // Blocks of 64 characters, and a window that holds thousands of them: every text below is one document. The hard
    // cap stays far: cutting a sentence changes what the model reads (it decodes each part on its own), and the
    // default cap, 128 K characters, is more than 1,000 tokens, where the model cuts a sentence itself.
    private static readonly StreamingOptions SmallBlocksOneWindow = new(BlockChars: 64, StrideBlocks: 5000, LookaheadBlocks: 5000, MarginChars: 64, HardCapOverride: 1 << 16);

    // Blocks of 256 characters, a window of four: 1 behind, 1 returned, 1 ahead and one more.
    private static readonly StreamingOptions SmallWindow = new(BlockChars: 256, LookbehindBlocks: 1, StrideBlocks: 1, LookaheadBlocks: 1, MarginChars: 64);

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }

    private static Task<List<Entity>> Stream(string text, StreamingOptions options, FrenchEntityExtractor? extractor = null, TextReader? reader = null) =>
        ToListAsync((extractor ?? Extractor).ExtractAsync(reader ?? new StringReader(text), options, null, null, CancellationToken.None));

    private static void ShouldBeSpansOf(List<Entity> entities, string text)
    {
        for (int i = 0; i < entities.Count; i++)
        {
            text.Substring(entities[i].Start, entities[i].Length).Should().Be(entities[i].Text);
            if (i > 0) entities[i].Start.Should().BeGreaterThanOrEqualTo(entities[i - 1].End, "entities are in order and never overlap");
        }
    }

    [Fact]
    public async Task The_seed_article_streamed_gives_exactly_what_Extract_gives()
    {
        var expected = Extractor.Extract(Article);

        var streamed = await ToListAsync(Extractor.ExtractAsync(new StringReader(Article)));

        expected.Should().HaveCountGreaterThan(30);
        streamed.Should().Equal(expected);
    }

    [Fact]
    public async Task The_seed_article_cut_into_blocks_of_64_characters_gives_what_Extract_gives()
    {
        var streamed = await Stream(Article, SmallBlocksOneWindow);

        streamed.Should().Equal(Extractor.Extract(Article), "the blocks end at sentence boundaries, where tokens and tags do not change");
    }

    [Fact]
    public async Task A_reader_that_gives_one_character_at_a_time_changes_nothing()
    {
        // Its reads also split every surrogate pair: "😀" arrives in two reads.
        string text = Article + "\n\nLe 😀 de Jean Dupont 👩‍💻 à Paris. " + Article;

        var streamed = await Stream(text, SmallBlocksOneWindow, reader: new TricklingReader(text));

        streamed.Should().Equal(Extractor.Extract(text));
    }

    [Fact]
    public async Task A_text_of_up_to_320_K_characters_is_one_document()
    {
        // 147 copies of the article: 326,340 characters, twenty blocks and then some, all resolved at once.
        string text = Repeat(Article, "\n\n", 147);
        text.Length.Should().BeInRange(320_000, StreamingOptions.DefaultOneDocumentChars);

        var streamed = await ToListAsync(Extractor.ExtractAsync(new StringReader(text)));

        streamed.Should().Equal(Extractor.Extract(text));
    }

    private static readonly string[] Fragments =
    [
        "Paris", "Jean", "Dupont", "Emmanuel", "Macron", "IBM", "Meta", "Hugging", "Face", "CERN", "Nasa", "SNCF",
        "Lyon", "Saint-Étienne", "Caisse", "d'épargne", "Normandie", "Assemblée", "nationale", "fondation", "Linux",
        "Renault", "Marie", "Curie", "Berkeley", "de", "du", "d'", "l'", "la", "Le", "et", "contre", "à", "société",
        "M.", "Mme", "président", "selon", ",", ";", "«", "»", "(", ")", "-", "’", "\u00A0", "\n", "e\u0301", "😀",
        "👩‍💻", "\uD800", "2023", "http://a.fr/x", "a@b.fr", "PARIS",
    ];

    private static readonly string[] Ends = [". ", ".\n", " ! ", " ? ", "\n\n", "… ", ". » "];

    // Sentences of up to 12 fragments, shorter than the hard cap of the small blocks: the cuts are all sentence ends.
    private static readonly Gen<string> Sentence = Gen.Select(TestGens.Element(Fragments).Array[1, 12], TestGens.Element(Ends),
        (words, end) => string.Join(" ", words) + end);

    private static readonly Gen<string> Texts = Sentence.Array[1, 80].Select(string.Concat);

    [Fact]
    public void Random_text_cut_into_small_blocks_gives_what_Extract_gives()
    {
        Texts.Sample(text =>
        {
            var streamed = Stream(text, SmallBlocksOneWindow).GetAwaiter().GetResult();
            streamed.Should().Equal(Extractor.Extract(text), "for {0}", text);
        }, iter: 200);
    }

    [Fact]
    public void Random_text_through_a_window_of_four_small_blocks_gives_spans_of_the_whole_text()
    {
        Texts.Sample(text =>
        {
            var streamed = Stream(text, SmallWindow).GetAwaiter().GetResult();
            ShouldBeSpansOf(streamed, text);
        }, iter: 200);
    }

    [Fact]
    public async Task Each_copy_of_the_article_in_a_long_stream_has_the_articles_entities_at_its_offset()
    {
        // 1,000 copies (2.2 M characters): the window slides eight times. Every copy sees copies of the same article
        // around it, so a name's vote goes the way it goes in one copy, and each copy's entities are the article's,
        // shifted.
        const string separator = "\n\n";
        const int copies = 1_000;
        string text = Repeat(Article, separator, copies);
        var own = Extractor.Extract(Article);

        var streamed = await ToListAsync(Extractor.ExtractAsync(new StringReader(text)));

        streamed.Should().HaveCount(copies * own.Count);
        for (int copy = 0; copy < copies; copy++)
        {
            int offset = copy * (Article.Length + separator.Length);
            streamed.Skip(copy * own.Count).Take(own.Count).Should().Equal(own.Select(e => e with { Start = e.Start + offset }), "copy {0}", copy);
        }
    }

    [Fact]
    public async Task Entities_of_a_small_window_index_the_whole_stream()
    {
        string text = Repeat(Article, "\n\n", 12);

        var streamed = await Stream(text, SmallWindow);

        streamed.Should().HaveCountGreaterThan(12 * 30);
        ShouldBeSpansOf(streamed, text);
        streamed.Should().Contain(e => e.Start > 11 * Article.Length && e.Text == "Sylvain Rolland" && e.Type == EntityType.Person);
    }

    [Fact]
    public async Task After_each_window_the_offset_before_which_no_entity_will_come_is_told()
    {
        string text = Repeat(Article, "\n\n", 12);
        var marks = new List<long>();
        var entities = new List<(Entity Entity, int MarksBefore)>();

        await foreach (var entity in Extractor.ExtractAsync(new StringReader(text), SmallWindow, null, marks.Add, CancellationToken.None))
            entities.Add((entity, marks.Count));

        marks.Should().HaveCountGreaterThan(10).And.BeInAscendingOrder();
        marks[^1].Should().Be(text.Length);
        foreach (var (entity, before) in entities)
        {
            if (before > 0) entity.Start.Should().BeGreaterThanOrEqualTo((int)marks[before - 1]);
        }
    }

    [Fact]
    public async Task The_vote_sees_only_the_window()
    {
        // "Carrefour" alone after "fixé à" reads as a place; mentions later in the same document make it the company
        // (DocumentLevelTests). Farther than the window reaches, they no longer do.
        var modelOnly = FrenchEntityExtractor.CreateBuilder().UseGazetteer(false).Build();
        const string opening = "Le rendez-vous est fixé à Carrefour .";
        const string later = "\n\nCarrefour a annoncé ses résultats. Carrefour recrute. Le patron de Carrefour a parlé.";
        string near = opening + "\n\n" + Filler(3) + later;
        string far = opening + "\n\n" + Filler(100) + later;

        var nearby = await Stream(near, SmallWindow, modelOnly);
        var beyond = await Stream(far, SmallWindow, modelOnly);

        nearby.First(e => e.Text == "Carrefour").Type.Should().Be(EntityType.Organization);
        beyond.First(e => e.Text == "Carrefour").Type.Should().NotBe(EntityType.Organization, "the later mentions are out of the window");
        modelOnly.Extract(far).First(e => e.Text == "Carrefour").Type.Should().Be(EntityType.Organization, "Extract votes over the whole text");
    }

    private static string Filler(int sentences) => string.Concat(Enumerable.Repeat("il pleut depuis trois jours et le vent souffle très fort. ", sentences));

    [Fact]
    public async Task A_text_without_sentence_ends_is_cut_where_the_models_pieces_are_and_tagged_as_Extract_tags_it()
    {
        // 308,000 characters in one sentence (70,000 tokens): cut at the 32 K hard cap, on 1,000-token piece boundaries.
        string text = string.Concat(Enumerable.Repeat("Jean Dupont et la Banque de France à Lyon , ", 7_000));

        var streamed = await ToListAsync(Extractor.ExtractAsync(new StringReader(text)));

        streamed.Should().HaveCountGreaterThan(7_000);
        streamed.Should().Equal(Extractor.Extract(text));
    }

    [Fact]
    public async Task A_text_without_sentence_ends_through_small_blocks_still_gives_spans_of_the_text()
    {
        string text = string.Concat(Enumerable.Repeat("Jean Dupont et la Banque de France à Lyon , ", 300));

        var streamed = await Stream(text, SmallWindow);

        streamed.Should().HaveCountGreaterThan(300);
        ShouldBeSpansOf(streamed, text);
    }

    /// <summary>The blocks <see cref="TextBlockReader"/> cuts with <see cref="SmallWindow"/>, to the end of the text.</summary>
    private static async Task<List<TextBlock>> ReadBlocks(TextReader text)
    {
        var reader = new TextBlockReader(text, SmallWindow);
        var blocks = new List<TextBlock>();
        while (await reader.ReadAsync(null, CancellationToken.None) is { } block)
            blocks.Add(block);
        reader.AtEnd.Should().BeTrue();
        return blocks;
    }

    [Theory]
    [InlineData("a")]
    [InlineData("😀")]
    [InlineData("e\u0301")]
    public async Task A_run_without_separators_longer_than_the_cap_is_cut_between_code_points(string unit)
    {
        string text = "Paris. " + string.Concat(Enumerable.Repeat(unit, 2_000)) + " Lyon.";
        var blocks = await ReadBlocks(new TricklingReader(text));

        blocks.Should().HaveCountGreaterThan(4);
        string.Concat(blocks.Select(b => b.Text[..b.Length])).Should().Be(text);
        foreach (var block in blocks)
        {
            char.IsHighSurrogate(block.Text[block.Length - 1]).Should().BeFalse("a block never ends between the two halves of a pair");
            block.Tokens.Should().OnlyContain(t => t.End <= block.Length);
        }
        var streamed = await Stream(text, SmallWindow);
        streamed.Select(e => e.Text).Should().Contain("Paris");
        ShouldBeSpansOf(streamed, text);
    }

    [Fact]
    public async Task A_sentence_of_one_character_tokens_is_cut_at_the_token_cap_on_a_piece_boundary()
    {
        // /dev/zero: a token per character, no sentence end. Blocks are bounded in tokens, not only in characters.
        string text = new('\0', 100_000);
        var reader = new TextBlockReader(new StringReader(text), StreamingOptions.Default);

        var blocks = new List<TextBlock>();
        while (await reader.ReadAsync(null, CancellationToken.None) is { } block)
            blocks.Add(block);

        blocks.Sum(b => b.Tokens.Count).Should().Be(100_000);
        blocks.Should().OnlyContain(b => b.Tokens.Count <= StreamingOptions.Default.MaxBlockTokens);
        blocks.SkipLast(1).Should().OnlyContain(b => b.Tokens.Count % 1_000 == 0 && b.Length == b.Tokens.Count, "cut where the model's pieces are");
        blocks.Skip(1).Should().OnlyContain(b => b.ContinuesSentence);
    }

    [Fact]
    public async Task Blocks_end_at_sentence_starts_after_a_separator_and_hold_whole_tokens()
    {
        string text = Repeat(Article, "\n\n", 3);
        var blocks = await ReadBlocks(new StringReader(text));

        blocks.Should().HaveCountGreaterThan(10);
        string.Concat(blocks.Select(b => b.Text[..b.Length])).Should().Be(text);
        long start = 0;
        foreach (var block in blocks)
        {
            block.StreamStart.Should().Be(start);
            block.ContinuesSentence.Should().BeFalse("the article's sentences are shorter than the hard cap");
            if (start > 0) char.IsWhiteSpace(text[(int)start - 1]).Should().BeTrue();
            start += block.Length;
        }
    }

    [Fact]
    public async Task An_empty_or_blank_stream_has_no_entities()
    {
        (await ToListAsync(Extractor.ExtractAsync(new StringReader("")))).Should().BeEmpty();
        (await ToListAsync(Extractor.ExtractAsync(new StringReader(" \n\n\t ")))).Should().BeEmpty();
    }

    [Fact]
    public void A_null_reader_is_refused_when_called_not_when_enumerated()
    {
        var act = () => Extractor.ExtractAsync(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("reader");
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_stream()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = async () => await ToListAsync(Extractor.ExtractAsync(new StringReader(Article), cancelled.Token));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Cancelling_during_the_enumeration_stops_it_before_the_next_window()
    {
        using var cancellation = new CancellationTokenSource();
        string text = Repeat(Article, "\n\n", 20);
        var seen = new List<Entity>();

        var act = async () =>
        {
            await foreach (var entity in Extractor.ExtractAsync(new StringReader(text), SmallWindow, null, null, CancellationToken.None).WithCancellation(cancellation.Token))
            {
                seen.Add(entity);
                if (seen.Count == 10) await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().HaveCountGreaterThanOrEqualTo(10).And.HaveCountLessThan(20 * 30, "the stream stopped long before its end");
    }

    [Fact]
    public async Task A_stream_longer_than_an_offset_can_index_returns_its_first_part_then_throws()
    {
        // The limit is int.MaxValue characters; 3,000 here. The text before it is tagged, the rest refused.
        var options = SmallWindow with { MaxStreamChars = 3_000 };
        string text = Repeat(Article, "\n\n", 2);
        var seen = new List<Entity>();

        var act = async () =>
        {
            await foreach (var entity in Extractor.ExtractAsync(new StringReader(text), options, null, null, CancellationToken.None))
                seen.Add(entity);
        };

        (await act.Should().ThrowAsync<OverflowException>()).WithMessage("The text is longer than 3,000 UTF-16 characters*");
        seen.Should().NotBeEmpty().And.OnlyContain(e => e.End <= 3_000);
        seen.Should().Contain(e => e.Text == "Sylvain Rolland", "the first copy's byline is before the limit");
        (await Stream(text[..3_000], options)).Should().NotBeEmpty("a stream of exactly the limit is accepted");
    }

    [Fact]
    public async Task Streaming_on_one_thread_gives_what_it_gives_on_several()
    {
        // Blocks of 16 K characters, two returned per window: each window tags about 6,000 tokens, two chunks or more.
        var options = new StreamingOptions(BlockChars: 16_384, LookbehindBlocks: 1, StrideBlocks: 2, LookaheadBlocks: 1);
        string text = Repeat(Article, "\n\n", 60);
        var oneThread = FrenchEntityExtractor.CreateBuilder().WithMaxDegreeOfParallelism(1).Build();

        var expected = await Stream(text, options, oneThread);

        expected.Should().HaveCountGreaterThan(60 * 30);
        (await Stream(text, options)).Should().Equal(expected);
    }

    private static string Repeat(string text, string separator, int copies)
    {
        var builder = new StringBuilder((text.Length + separator.Length) * copies);
        for (int i = 0; i < copies; i++) builder.Append(text).Append(separator);
        return builder.ToString();
    }

    /// <summary>A reader that gives one character per read, splitting surrogate pairs across reads.</summary>
    private sealed class TricklingReader(string text) : TextReader
    {
        private int _position;

        public override int Peek() => _position < text.Length ? text[_position] : -1;

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty || _position >= text.Length) return 0;
            buffer[0] = text[_position++];
            return 1;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));
    }
}
