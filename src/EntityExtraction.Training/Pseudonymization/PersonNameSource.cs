using System.Text;
using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Training.Pseudonymization;

/// <summary>
/// Reads the person names of pseudonymisation from hunspell-fr's dictionary: its first names (<c>po:prn</c>, with
/// <c>is:mas</c>, <c>is:fem</c> or <c>is:epi</c>) and surnames (<c>po:patr</c>).
/// </summary>
public static class PersonNameSource
{
    /// <summary>The dictionary's path inside the gazetteer-sources folder.</summary>
    public static string DictionaryPath(string gazetteerSources) => Path.Combine(gazetteerSources, "hunspell-fr-comprehensive", "fr.dic");

    /// <summary>Compiles the names of <paramref name="dictionaryPath"/> into the resource the library embeds.</summary>
    /// <returns>The number of first names and of surnames written.</returns>
    public static (int FirstNames, int Surnames) Compile(string dictionaryPath, Stream destination)
    {
        var names = Read(dictionaryPath);
        PersonNameLexicon.Write(destination, names);
        return (names.Count(n => n.Kind != PersonNameKind.Surname), names.Count(n => n.Kind == PersonNameKind.Surname));
    }

    internal static List<(string Name, PersonNameKind Kind)> Read(string dictionaryPath)
    {
        if (!File.Exists(dictionaryPath))
            throw new FileNotFoundException($"The hunspell dictionary '{dictionaryPath}' does not exist; give --gazetteer-sources the folder that holds hunspell-fr-comprehensive/fr.dic.", dictionaryPath);
        var names = new List<(string, PersonNameKind)>();
        foreach (string line in File.ReadLines(dictionaryPath, new UTF8Encoding(false)))
        {
            PersonNameKind? kind = null;
            if (line.Contains("po:patr", StringComparison.Ordinal)) kind = PersonNameKind.Surname;
            else if (line.Contains("po:prn", StringComparison.Ordinal))
            {
                kind = line.Contains("is:fem", StringComparison.Ordinal) ? PersonNameKind.FeminineFirstName
                    : line.Contains("is:mas", StringComparison.Ordinal) ? PersonNameKind.MasculineFirstName
                    : PersonNameKind.EpiceneFirstName;
            }
            if (kind is null) continue;
            int end = line.IndexOfAny(['/', ' ', '\t']);
            string word = end < 0 ? line : line[..end];
            if (word.Length > 0 && char.IsUpper(word[0])) names.Add((word, kind.Value));
        }
        return names;
    }
}
