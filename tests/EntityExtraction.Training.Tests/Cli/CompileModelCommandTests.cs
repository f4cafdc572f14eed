using EntityExtraction.Model;
using EntityExtraction.Tests.Model;

namespace EntityExtraction.Training.Tests.Cli;

public sealed class CompileModelCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("compile-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Compile_model_writes_an_image_that_extracts_what_the_compact_file_extracts()
    {
        string compact = Path.Combine(_folder, "small.nermodel");
        string image = Path.Combine(_folder, "small.image.nermodel");
        using (var stream = File.Create(compact))
            ModelFile.Write(SmallModels.Create(), stream);
        string text = Path.Combine(_folder, "text.txt");
        File.WriteAllText(text, "Jean Dupont est arrivé à Paris mardi. Paris accueille Jean.");

        var (exitCode, _, error) = CliContractTests.RunTool("entity-extraction-train", "compile-model", compact, "--out", image);

        exitCode.Should().Be(0, error);
        error.Should().Contain("model image of 2 features");
        NerModel.Load(image).Info.FormatVersion.Should().Be(ModelImage.FormatVersion);
        var fromCompact = CliContractTests.RunTool("entity-extraction", "extract", text, "--model", compact, "--no-gazetteer", "--format", "jsonl");
        var fromImage = CliContractTests.RunTool("entity-extraction", "extract", text, "--model", image, "--no-gazetteer", "--format", "jsonl");
        fromCompact.ExitCode.Should().Be(0, fromCompact.Error);
        fromImage.Output.Should().Be(fromCompact.Output).And.Contain("\"entities\":[{");
    }

    [Fact]
    public void Compile_model_names_a_missing_input()
    {
        var (exitCode, _, error) = CliContractTests.RunTool("entity-extraction-train", "compile-model", Path.Combine(_folder, "absent.nermodel"), "--out", Path.Combine(_folder, "x"));

        exitCode.Should().Be(1);
        error.Should().Contain("compile-model: Model file '").And.Contain("absent.nermodel' does not exist.");
    }
}
