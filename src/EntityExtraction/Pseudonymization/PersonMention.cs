using System.Globalization;
using System.Text;
using EntityExtraction.Language;

namespace EntityExtraction.Pseudonymization;

/// <summary>How a mention names a person.</summary>
internal enum MentionShape
{
    /// <summary>First name(s) and surname: "Jean Dupont", "Jean-Marc de La Tour".</summary>
    Full,

    /// <summary>Initial(s) and surname: "J. Dupont", "J.-P. Dupont".</summary>
    InitialAndSurname,

    /// <summary>One word: a surname ("Dupont") or a first name ("Emmanuel").</summary>
    OneWord,
}

/// <summary>
/// A person mention read as first names, initials and surname, with the normalised keys mentions are linked by
/// (case, accents, apostrophes and hyphens folded: "DUPONT", "Dupont" and "Dupónt" are one surname).
/// </summary>
internal sealed class PersonMention
{
    private static readonly WordList Particles = new("de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "ter", "ten", "di", "da", "dos", "das", "del", "della", "ben", "bin", "ibn", "al", "el", "mac", "o'", "y");

    private PersonMention(MentionShape shape, string surname, string? given, char? initial)
    {
        Shape = shape;
        Surname = surname;
        Given = given;
        SurnameKey = Normalize(surname);
        GivenKey = given is null ? null : Normalize(given);
        Initial = initial;
    }

    public MentionShape Shape { get; }

    /// <summary>The surname as written (for a one-word mention, the word).</summary>
    public string Surname { get; }

    /// <summary>The first names as written, or null.</summary>
    public string? Given { get; }

    public string SurnameKey { get; }

    public string? GivenKey { get; }

    /// <summary>The lower-case, unaccented initial of the first name or of the written initial, or null.</summary>
    public char? Initial { get; }

    /// <summary>Reads <paramref name="surface"/> (the mention's text) with <paramref name="names"/> telling first names.</summary>
    public static PersonMention Parse(string surface, PersonNameLexicon names)
    {
        string[] words = surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1)
            return new PersonMention(MentionShape.OneWord, surface.Trim(), null, null);
        int i = 0;
        var given = new List<string>();
        string? initials = null;
        while (i < words.Length - 1)
        {
            string word = words[i];
            if (IsInitial(word))
            {
                initials ??= word;
                i++;
                continue;
            }
            if (initials is null && names.IsFirstName(word) && !Particles.Contains(word))
            {
                given.Add(word);
                i++;
                continue;
            }
            break;
        }
        // An unknown first word followed by more words is still a first name ("Abou Douaa al-Ansari"), unless it is a particle.
        if (given.Count == 0 && initials is null && !Particles.Contains(words[0]))
        {
            given.Add(words[0]);
            i = 1;
        }
        string surname = string.Join(' ', words[i..]);
        if (given.Count > 0)
            return new PersonMention(MentionShape.Full, surname, string.Join(' ', given), InitialOf(given[0]));
        if (initials is not null)
            return new PersonMention(MentionShape.InitialAndSurname, surname, null, InitialOf(initials));
        return new PersonMention(MentionShape.OneWord, surface.Trim(), null, null);
    }

    /// <summary>"J.", "J.-P.", "Ph.", "JP." — an abbreviated first name.</summary>
    public static bool IsInitial(string word)
    {
        if (word.Length < 2 || word.Length > 6 || word[^1] != '.' || !char.IsUpper(word[0])) return false;
        foreach (char c in word)
        {
            if (!char.IsLetter(c) && c != '.' && c != '-') return false;
        }
        return true;
    }

    /// <summary>Case, accents, apostrophes and hyphens folded, spaces collapsed: the key two spellings share.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(FrenchCharacters.IsApostrophe(c) ? '\'' : FrenchCharacters.IsHyphen(c) ? '-' : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static char? InitialOf(string word)
    {
        string key = Normalize(word);
        return key.Length > 0 && char.IsLetter(key[0]) ? key[0] : null;
    }
}
