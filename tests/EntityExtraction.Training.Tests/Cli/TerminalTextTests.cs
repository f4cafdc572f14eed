using EntityExtraction.Cli.Output;

namespace EntityExtraction.Training.Tests.Cli;

public class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b]0;pwned\u0007", "\\u001B]0;pwned\\u0007")]
    [InlineData("\u001b[2J", "\\u001B[2J")]
    [InlineData("a\u009bb", "a\\u009Bb")]
    [InlineData("\u202eLyon", "\\u202ELyon")]
    [InlineData("x\u2066y\u2069", "x\\u2066y\\u2069")]
    [InlineData("Société, « Paris »\tet\nLyon\r\n", "Société, « Paris »\tet\nLyon\r\n")]
    public void Control_and_bidi_characters_are_shown_not_obeyed(string input, string shown)
    {
        TerminalText.Safe(input).Should().Be(shown);
        var writer = new StringWriter();
        TerminalText.Write(writer, input);
        writer.ToString().Should().Be(shown);
    }

    [Fact]
    public void The_pretty_output_carries_no_escape_but_its_own_colours()
    {
        const string text = "Bonjour \u001b]0;pwned\u0007\u001b[2J à Paris.";
        var entities = FrenchEntityExtractor.CreateDefault().Extract(text);
        var writer = new StringWriter();

        new PrettyEntityWriter(writer, useColour: false).Write(text, entities);

        writer.ToString().Should().NotContain("\u001b").And.NotContain("\u0007").And.Contain("\\u001B]0;pwned\\u0007");
    }
}
