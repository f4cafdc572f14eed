using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Cli;

/// <summary>Reading and writing pseudonym maps, with the file named in every error.</summary>
internal static class MapFile
{
    public static PseudonymMap Read(string path)
    {
        InputText.CheckFile(path, "Map file");
        using var stream = File.OpenRead(path);
        try
        {
            return PseudonymMap.Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static void Write(string path, PseudonymMap map)
    {
        // Written beside and then moved, so that a map given as both --map-in and --map-out is never left half written.
        string temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
            map.Save(stream);
        File.Move(temporary, path, overwrite: true);
    }
}
