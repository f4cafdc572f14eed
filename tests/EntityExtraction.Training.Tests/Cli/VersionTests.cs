namespace EntityExtraction.Training.Tests.Cli;

public class VersionTests
{
    [Theory]
    [InlineData("entity-extraction")]
    [InlineData("entity-extraction-train")]
    public void Version_prints_the_tool_library_and_embedded_model(string tool)
    {
        var (exitCode, output, error) = CliContractTests.RunTool(tool, "--version");

        exitCode.Should().Be(0, error);
        output.Should().StartWith($"{tool} 0.").And.Contain("EntityExtraction library 0.");
        output.Should().Contain("embedded model: model format 5, feature schema 5, trained 20");
        output.Should().Contain("training data:").And.Contain("data licences:");
    }
}
