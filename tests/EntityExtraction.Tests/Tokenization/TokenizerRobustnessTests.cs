using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Tokenization;

public class TokenizerRobustnessTests
{
    [Fact]
    public void Empty_text_has_no_tokens()
    {
        FrenchTokenizer.Default.Tokenize("").Should().BeEmpty();
    }

    [Fact]
    public void Null_text_throws_for_the_appending_overload()
    {
        var act = () => FrenchTokenizer.Default.Tokenize(null!, []);
        act.Should().Throw<ArgumentNullException>().WithParameterName("text");
    }

    [Fact]
    public void Null_destination_throws()
    {
        var act = () => FrenchTokenizer.Default.Tokenize("a", null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("destination");
    }

    [Fact]
    public void Tokenize_appends_and_restarts_sentences_at_zero()
    {
        var tokens = new List<Token> { new(0, 1, TokenKind.Word, 7) };
        FrenchTokenizer.Default.Tokenize("Un. Deux.", tokens);
        tokens.Should().HaveCount(5);
        tokens[0].SentenceIndex.Should().Be(7);
        tokens.Skip(1).Select(t => t.SentenceIndex).Should().Equal(0, 0, 1, 1);
    }

    [Theory]
    [InlineData("a", 1)]          // one word of a million letters
    [InlineData("1", 1)]          // one number
    [InlineData(".", 1)]          // one run of periods
    [InlineData("a+", 1_000_000)] // the e-mail look-ahead must not go quadratic
    [InlineData("-", 1_000_000)]
    [InlineData("'", 1_000_000)]
    [InlineData("a.", 1)]         // "a.a.a." … : one dotted acronym
    [InlineData("A.", 1)]
    [InlineData("a-", 2)]         // one long hyphenated compound, then the final hyphen
    [InlineData("😀", 500_000)]
    public void A_million_characters_without_spaces_are_tokenized(string unit, int expectedTokens)
    {
        string text = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        tokens.Should().NotBeEmpty();
        tokens[^1].End.Should().Be(text.Length);
        tokens.Should().HaveCount(expectedTokens);
    }

    [Fact]
    public void A_long_chain_of_initials_ending_in_a_word_is_scanned_once()
    {
        string text = string.Concat(Enumerable.Repeat("A.", 499_999)) + "AB";
        FrenchTokenizer.Default.Tokenize(text).Select(t => t.Length).Should().Equal(999_998, 2);
    }

    [Fact]
    public void Sentences_group_consecutive_tokens()
    {
        const string text = "Il pleut. Il vente.\n\nFin";
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        var sentences = FrenchTokenizer.GetSentences(tokens);
        sentences.Select(s => text[s.Start..s.End]).Should().Equal("Il pleut.", "Il vente.", "Fin");
        sentences.Select(s => (s.FirstToken, s.TokenCount)).Should().Equal((0, 3), (3, 3), (6, 1));
    }

    [Fact]
    public void GetSentences_rejects_tokens_from_several_texts()
    {
        var tokens = new[] { new Token(0, 1, TokenKind.Word, 1) };
        var act = () => FrenchTokenizer.GetSentences(tokens);
        act.Should().Throw<ArgumentException>().WithParameterName("tokens");
    }

    [Fact]
    public void Zero_width_space_separates_but_zero_width_joiner_joins()
    {
        const string text = "ab\u200Bcd e\u200Df";
        FrenchTokenizer.Default.Tokenize(text).Select(t => t.GetText(text)).Should().Equal("ab", "cd", "e\u200Df");
    }
}
