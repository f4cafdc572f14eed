using System.Text;

namespace EntityExtraction.Cli;

/// <summary>Reads a command's text input from a file or standard input, as UTF-8.</summary>
internal static class InputText
{
    public static string Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            return stdin.ReadToEnd();
        }
        if (!File.Exists(path))
            throw new FileNotFoundException($"Input file '{path}' does not exist.", path);
        return File.ReadAllText(path, new UTF8Encoding(false));
    }
}
