namespace EntityExtraction.Cli;

/// <summary>Configures the extractor from the options <c>extract</c> and <c>evaluate</c> share.</summary>
internal static class ExtractorOptions
{
    public static FrenchEntityExtractorBuilder CreateBuilder(string? modelPath, bool noGazetteer, IReadOnlyList<string>? gazetteerFiles)
    {
        var builder = FrenchEntityExtractor.CreateBuilder().UseGazetteer(!noGazetteer);
        if (modelPath is not null)
            builder.UseModelFile(modelPath);
        foreach (var file in gazetteerFiles ?? [])
            builder.AddGazetteerFile(file);
        return builder;
    }
}
