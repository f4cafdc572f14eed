using System.Text;
using EntityExtraction.Data;
using EntityExtraction.Storage;

namespace EntityExtraction.Pseudonymization;

/// <summary>What a name of the person-name resource is.</summary>
internal enum PersonNameKind : byte
{
    MasculineFirstName = 1,
    FeminineFirstName = 2,
    EpiceneFirstName = 3,
    Surname = 4,
}

/// <summary>
/// The French first names (with the gender they tell) and surnames of pseudonymisation, inside a
/// <see cref="ResourceContainer"/> of kind <see cref="ResourceKind.PersonNames"/>: it recognises the first names of a
/// mention (so that "Jean Dupont" and "Dupont" are one person) and supplies surrogates of the same gender and the
/// same first sound (so that "d'Émilie" stays elided). Compiled from hunspell-fr's typed proper nouns by
/// <c>entity-extraction-train build-names</c>.
/// </summary>
internal sealed class PersonNameLexicon
{
    public const int FormatVersion = 1;
    public const string ResourceName = "EntityExtraction.Pseudonymization.default.names";

    private static readonly Lazy<PersonNameLexicon> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, PersonNameKind> _firstNames;
    private readonly HashSet<string> _surnames;
    // [gender 0..2 (masculine, feminine, any)][initial class] → surrogate first names, in resource order.
    private readonly string[][][] _surrogateFirstNames;
    private readonly string[][] _surrogateSurnames;

    private PersonNameLexicon(IReadOnlyList<(string Name, PersonNameKind Kind)> names)
    {
        _firstNames = new Dictionary<string, PersonNameKind>(StringComparer.OrdinalIgnoreCase);
        _surnames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var first = new List<string>[3][];
        for (int g = 0; g < 3; g++)
            first[g] = [[], [], []];
        var surnames = new List<string>[] { [], [], [] };
        foreach (var (name, kind) in names)
        {
            if (kind == PersonNameKind.Surname)
            {
                _surnames.Add(name);
                continue;
            }
            if (_firstNames.TryGetValue(name, out var known) && known != kind)
                _firstNames[name] = PersonNameKind.EpiceneFirstName;
            else
                _firstNames[name] = kind;
        }
        foreach (var (name, kind) in names)
        {
            if (!IsSurrogateShaped(name)) continue;
            int initial = (int)InitialSoundOf(name);
            if (kind == PersonNameKind.Surname)
            {
                if (!_firstNames.ContainsKey(name)) surnames[initial].Add(name);
                continue;
            }
            if (_surnames.Contains(name) || _firstNames[name] != kind) continue;
            if (kind == PersonNameKind.MasculineFirstName) first[0][initial].Add(name);
            if (kind == PersonNameKind.FeminineFirstName) first[1][initial].Add(name);
            first[2][initial].Add(name);
        }
        _surrogateFirstNames = first.Select(g => g.Select(l => l.ToArray()).ToArray()).ToArray();
        _surrogateSurnames = surnames.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>The lexicon embedded in the library.</summary>
    public static PersonNameLexicon Default => s_default.Value;

    public int FirstNameCount => _firstNames.Count;

    public int SurnameCount => _surnames.Count;

    /// <summary>Whether <paramref name="word"/> is a first name, or a compound of first names ("Jean-Marc"), ignoring case.</summary>
    public bool IsFirstName(string word)
    {
        if (_firstNames.ContainsKey(word)) return true;
        if (word.IndexOf('-') <= 0) return false;
        foreach (string part in word.Split('-'))
        {
            if (part.Length == 0 || !_firstNames.ContainsKey(part)) return false;
        }
        return true;
    }

    public bool IsSurname(string word) => _surnames.Contains(word);

    /// <summary>The gender a first name tells (the first part of a compound), or null when unknown or epicene.</summary>
    public PersonNameKind? GenderOf(string firstName)
    {
        int hyphen = firstName.IndexOf('-');
        string head = hyphen > 0 ? firstName[..hyphen] : firstName;
        return _firstNames.TryGetValue(head, out var kind) && kind != PersonNameKind.EpiceneFirstName ? kind : null;
    }

    /// <summary>Surrogate first names of <paramref name="gender"/> (null: any) beginning with <paramref name="initial"/>'s sound class.</summary>
    public IReadOnlyList<string> SurrogateFirstNames(PersonNameKind? gender, InitialSound initial)
    {
        int g = gender switch { PersonNameKind.MasculineFirstName => 0, PersonNameKind.FeminineFirstName => 1, _ => 2 };
        var pool = _surrogateFirstNames[g][(int)initial];
        return pool.Length > 0 ? pool : _surrogateFirstNames[2][(int)initial];
    }

    public IReadOnlyList<string> SurrogateSurnames(InitialSound initial) => _surrogateSurnames[(int)initial];

    /// <summary>How a word begins, as French elision sees it: a vowel (<c>d'Émilie</c>), an h (either), a consonant.</summary>
    public static InitialSound InitialSoundOf(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return InitialSound.Consonant;
        char c = char.ToLowerInvariant(RemoveAccent(word[0]));
        if (c == 'h') return InitialSound.H;
        return "aeiouy".Contains(c) ? InitialSound.Vowel : InitialSound.Consonant;
    }

    private static char RemoveAccent(char c)
    {
        if (c < 0x80) return c;
        string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 ? decomposed[0] : c;
    }

    // A surrogate looks like an everyday name: capitalised letters, no hyphen or apostrophe, 3 to 10 letters.
    private static bool IsSurrogateShaped(string name)
    {
        if (name.Length is < 3 or > 10 || !char.IsUpper(name[0])) return false;
        for (int i = 1; i < name.Length; i++)
        {
            if (!char.IsLower(name[i])) return false;
        }
        return true;
    }

    public static void Write(Stream destination, IEnumerable<(string Name, PersonNameKind Kind)> names)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(names);
        var sorted = names.Distinct().OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(sorted.Count);
            foreach (var (name, kind) in sorted)
            {
                writer.Write((byte)kind);
                writer.Write(name);
            }
        }
        ResourceContainer.Write(destination, ResourceKind.PersonNames, FormatVersion, 0, null, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    /// <exception cref="InvalidDataException">Not a person-name resource of this format, or truncated or corrupt.</exception>
    public static PersonNameLexicon Read(Stream source, string sourceName)
    {
        var file = ResourceContainer.Read(source, ResourceKind.PersonNames, ResourceLimits.PersonNames, sourceName);
        if (file.ContentVersion != FormatVersion)
            throw ResourceContainer.Invalid(sourceName, $"person-name resource format version {file.ContentVersion}; this library ({ResourceContainer.LibraryVersion}) reads version {FormatVersion}");
        var names = StringTable.ReadPayload(file.Payload, sourceName, (reader, _) =>
        {
            int count = StringTable.ReadCount(reader, sourceName);
            var list = new List<(string, PersonNameKind)>(count);
            for (int i = 0; i < count; i++)
            {
                byte kind = reader.ReadByte();
                if (kind is < 1 or > 4)
                    throw ResourceContainer.Invalid(sourceName, $"name {i} has kind {kind} (expected 1 to 4)");
                string name = reader.ReadString();
                if (name.Length == 0)
                    throw ResourceContainer.Invalid(sourceName, $"name {i} is empty");
                list.Add((name, (PersonNameKind)kind));
            }
            return list;
        }, withTable: false);
        return new PersonNameLexicon(names);
    }

    /// <summary>A lexicon of the given names, for tests.</summary>
    internal static PersonNameLexicon FromNames(IReadOnlyList<(string Name, PersonNameKind Kind)> names) => new(names);

    private static PersonNameLexicon LoadDefault()
    {
        var assembly = EmbeddedResources.Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource '{ResourceName}' is missing from {assembly.GetName().Name}.");
        return Read(stream, $"The embedded resource '{ResourceName}'");
    }
}

/// <summary>The sound class of a word's first letter, as French elision sees it.</summary>
internal enum InitialSound
{
    Consonant = 0,
    Vowel = 1,
    H = 2,
}
