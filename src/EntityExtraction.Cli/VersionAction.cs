using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using EntityExtraction.Model;

namespace EntityExtraction.Cli;

/// <summary>
/// <c>--version</c>: the tool's and the library's versions, then what the embedded model is (format, feature schema,
/// training date, training data, licences), so a result can always be traced to the model that produced it.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        // The entry assembly: this action serves both tools, and each names itself.
        var tool = Assembly.GetEntryAssembly() ?? typeof(VersionAction).Assembly;
        output.WriteLine($"{tool.GetName().Name} {Version(tool)}");
        output.WriteLine($"EntityExtraction library {Version(typeof(FrenchEntityExtractor).Assembly)}");
        output.WriteLine("embedded model: " + NerModel.Default.Info.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));
        return 0;
    }

    private static string Version(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // SourceLink appends "+<commit>": kept, it says which commit built the tool.
        return informational ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
