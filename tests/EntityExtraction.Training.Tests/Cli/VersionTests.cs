using System.CommandLine;
using EntityExtraction.Cli;

namespace EntityExtraction.Training.Tests.Cli;

public class VersionTests
{
    [Fact]
    public void Version_prints_the_tool_library_and_embedded_model()
    {
        var root = new RootCommand("test");
        foreach (var option in root.Options.OfType<VersionOption>()) option.Action = new VersionAction();
        var output = new StringWriter();

        int exit = root.Parse(["--version"]).Invoke(new InvocationConfiguration { Output = output });

        exit.Should().Be(0);
        string text = output.ToString();
        text.Should().Contain("entity-extraction 0.").And.Contain("EntityExtraction library 0.");
        text.Should().Contain("embedded model: model format 4, feature schema 5, trained 20");
        text.Should().Contain("training data:").And.Contain("data licences:");
    }
}
