using System.CommandLine;
using EntityExtraction.Cli;
using EntityExtraction.Model;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// <c>compile-model MODEL --out IMAGE</c>: turns a compact model file (what <c>train</c> writes: Brotli, half-precision
/// weights, rebuilt into hash tables at every load) into a model image — the same model, its tables stored as the
/// tagger reads them, so that it loads in place without decompressing or rebuilding anything. The embedded default
/// model is such an image. Both files load with <c>--model</c> and give the same entities.
/// </summary>
internal static class CompileModelCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("model") { Description = "A compact model file written by train." };
        var output = new Option<string>("--out") { Description = "Model image to write.", Required = true };
        var command = new Command("compile-model", "Compile a model file into a model image, read in place at load (the embedded default model's format).") { input, output };
        command.SetAction(parse => CommandErrors.Run("compile-model", () =>
        {
            string source = parse.GetValue(input)!;
            if (!File.Exists(source)) throw new FileNotFoundException($"Model file '{source}' does not exist.", source);
            ModelData data;
            using (var stream = File.OpenRead(source))
                data = ModelFile.Read(stream, source);
            string path = parse.GetValue(output)!;
            using (var stream = File.Create(path))
                ModelImage.Write(data, stream);
            Console.Error.WriteLine($"wrote {path}: model image of {data.FeatureKeys.Length:N0} features ({new FileInfo(path).Length:N0} bytes, from {new FileInfo(source).Length:N0})");
            return 0;
        }));
        return command;
    }
}
