using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Tokenization;

public class TokenOffsetTests
{
    [Fact]
    public void Tokenize_null_throws_ArgumentNullException()
    {
        var act = () => FrenchTokenizer.Default.Tokenize(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("text");
    }

    [Fact]
    public void Token_text_is_the_substring_at_its_offsets()
    {
        const string text = "Meta et IBM.";
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        tokens.Select(t => t.GetText(text)).Should().Equal("Meta", "et", "IBM", ".");
        tokens.Select(t => t.Start).Should().Equal(0, 5, 8, 11);
    }
}
