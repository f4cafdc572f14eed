using System.Security.Cryptography;
using System.Text;

namespace EntityExtraction.Pseudonymization;

/// <summary>
/// Links the mentions of one document to the map's identities and gives each spelling its pseudonym. One per
/// document, used under the map's lock.
/// </summary>
/// <remarks>
/// Linking: a full name ("Jean Dupont") is its own identity, across documents too; an initial and a surname
/// ("J. Dupont") joins the one full name of the document with that surname and initial; a single word joins the person
/// of the document with that surname (the one mentioned last before it when several share it), else the one person
/// of the document with that first name, else the one full name of earlier documents with that surname, else the
/// map's identity of that word. Two people with the same surname and different first names stay two.
/// </remarks>
internal sealed class PseudonymAssigner
{
    private static readonly byte[] UnkeyedSurrogateSeed = "EntityExtraction surrogate draw 1"u8.ToArray();

    private readonly PseudonymMap _map;
    private readonly PseudonymizationOptions _options;
    private readonly PersonNameLexicon _names;
    private readonly HashSet<string> _documentWords;
    private readonly List<PseudonymIdentity> _persons = [];
    private readonly Dictionary<PseudonymIdentity, int> _lastSeen = [];

    /// <summary>An assigner for one document; <paramref name="documentWords"/> are its normalised words, which no surrogate may be.</summary>
    public PseudonymAssigner(PseudonymMap map, PseudonymizationOptions options, PersonNameLexicon names, HashSet<string> documentWords)
    {
        _map = map;
        _options = options;
        _names = names;
        _documentWords = documentWords;
    }

    /// <summary>Makes the identities of the document's full names first, so that an earlier "Dupont" can join them.</summary>
    public void Prepare(string text, IReadOnlyList<Mention> mentions)
    {
        foreach (var mention in mentions)
        {
            if (mention.Type != EntityType.Person || !IsLinked(_options.Operators[EntityType.Person])) continue;
            var person = PersonMention.Parse(text.Substring(mention.Start, mention.Length), _names);
            if (person.Shape == MentionShape.Full)
                Person(person, -1, _options.Operators[EntityType.Person]);
        }
    }

    /// <summary>The replacement of <paramref name="mention"/>, and the identifier of its identity (null for one-way operators).</summary>
    public string Replace(string text, Mention mention, out string? identifier)
    {
        string surface = text.Substring(mention.Start, mention.Length);
        var op = _options.Operators[mention.Type];
        identifier = null;
        if (op == PseudonymizationOperator.Redact) return "[…]";
        if (op == PseudonymizationOperator.Mask) return Mask(surface);

        PersonMention? person = null;
        PseudonymIdentity identity;
        if (mention.Type == EntityType.Person)
        {
            person = PersonMention.Parse(surface, _names);
            identity = Person(person, mention.Start, op);
        }
        else
        {
            string name = op == PseudonymizationOperator.Hash ? surface : PersonMention.Normalize(surface);
            string key = $"{op}|{mention.Type.ToCode()}|{name}";
            identity = _map.Find(key) ?? _map.Add(new PseudonymIdentity(key, mention.Type, op, null, null, null));
        }
        identifier = identity.Identifier;
        if (identity.TryGetPseudonym(surface, out string known))
            return known;
        string pseudonym = NewPseudonym(identity, surface, person);
        _map.AddForm(identity, surface, pseudonym);
        identifier = identity.Identifier;
        return pseudonym;
    }

    private static bool IsLinked(PseudonymizationOperator op) => op is PseudonymizationOperator.Tag or PseudonymizationOperator.Surrogate or PseudonymizationOperator.Hash;

    private PseudonymIdentity Person(PersonMention person, int position, PseudonymizationOperator op)
    {
        PseudonymIdentity? identity = person.Shape switch
        {
            MentionShape.Full => FindOrAdd($"{op}|PER|{person.SurnameKey}|{person.GivenKey}", op, person.SurnameKey, person.GivenKey, person.Initial),
            MentionShape.InitialAndSurname => Single(_persons.Where(p => p.GivenKey is not null && p.SurnameKey == person.SurnameKey && p.Initial == person.Initial))
                ?? Single(_map.WithSurname(person.SurnameKey).Where(p => p.Operator == op && p.GivenKey is not null && p.Initial == person.Initial))
                ?? FindOrAdd($"{op}|PER|{person.SurnameKey}|{person.Initial}.", op, person.SurnameKey, null, person.Initial),
            _ => LastBefore(_persons.Where(p => p.SurnameKey == person.SurnameKey), position)
                ?? Single(_persons.Where(p => p.GivenKey == person.SurnameKey))
                ?? Single(_map.WithSurname(person.SurnameKey).Where(p => p.Operator == op && p.GivenKey is not null))
                ?? FindOrAdd($"{op}|PER|{person.SurnameKey}|", op, person.SurnameKey, null, null),
        };
        if (!_persons.Contains(identity)) _persons.Add(identity);
        if (position >= 0) _lastSeen[identity] = position;
        return identity;
    }

    private PseudonymIdentity FindOrAdd(string key, PseudonymizationOperator op, string surname, string? given, char? initial) =>
        _map.Find(key) ?? _map.Add(new PseudonymIdentity(key, EntityType.Person, op, surname, given, initial));

    private static PseudonymIdentity? Single(IEnumerable<PseudonymIdentity> candidates)
    {
        PseudonymIdentity? only = null;
        foreach (var candidate in candidates)
        {
            if (only is not null) return null;
            only = candidate;
        }
        return only;
    }

    private PseudonymIdentity? LastBefore(IEnumerable<PseudonymIdentity> candidates, int position)
    {
        PseudonymIdentity? best = null;
        int bestSeen = int.MinValue;
        foreach (var candidate in candidates)
        {
            int seen = _lastSeen.TryGetValue(candidate, out int at) && at < position ? at : -1;
            if (best is null || seen > bestSeen)
            {
                best = candidate;
                bestSeen = seen;
            }
        }
        return best;
    }

    private string NewPseudonym(PseudonymIdentity identity, string surface, PersonMention? person)
    {
        string code = identity.Type.ToCode();
        bool bare = !identity.HasBareForm && IsPreferredSpelling(identity, surface, person);
        string pseudonym;
        switch (identity.Operator)
        {
            case PseudonymizationOperator.Hash:
                identity.Identifier ??= $"{code}_{Hex(Hmac($"name|{identity.Key[(identity.Key.IndexOf('|') + 1)..]}"), 4)}";
                pseudonym = bare ? $"[{identity.Identifier}]" : $"[{identity.Identifier}.{Hex(Hmac($"spelling|{surface}"), 2)}]";
                if (_map.IsPseudonym(pseudonym))
                    pseudonym = $"[{identity.Identifier}.{Hex(Hmac($"spelling|{surface}"), 8)}]";
                break;
            case PseudonymizationOperator.Surrogate:
                identity.Identifier ??= $"{code}_{_map.NextNumber(identity.Type)}";
                pseudonym = Surrogate(identity, surface, person!);
                bare = false;
                break;
            default:
                identity.Identifier ??= $"{code}_{_map.NextNumber(identity.Type)}";
                pseudonym = bare ? $"[{identity.Identifier}]" : $"[{identity.Identifier}.{identity.NextVariant++}]";
                break;
        }
        // Never two spellings with one pseudonym: Restore must know which to give back.
        while (_map.IsPseudonym(pseudonym))
            pseudonym = $"[{identity.Identifier}.{identity.NextVariant++}]";
        if (bare) identity.HasBareForm = true;
        return pseudonym;
    }

    /// <summary>
    /// The spelling that gets the bare pseudonym: the identity's own shape (the full name of a full-name identity)
    /// written in the usual case, so that the choice does not depend on the order of the mentions.
    /// </summary>
    private static bool IsPreferredSpelling(PseudonymIdentity identity, string surface, PersonMention? person)
    {
        if (person is null) return true;
        var expected = identity.GivenKey is not null ? MentionShape.Full : identity.Initial is not null ? MentionShape.InitialAndSurname : MentionShape.OneWord;
        return person.Shape == expected && IsUsualCase(surface);
    }

    private static bool IsUsualCase(string surface)
    {
        foreach (string word in surface.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false;
        }
        return true;
    }

    private string Surrogate(PseudonymIdentity identity, string surface, PersonMention person)
    {
        identity.SurrogateSurname ??= Draw(_names.SurrogateSurnames(PersonNameLexicon.InitialSoundOf(person.Shape == MentionShape.OneWord ? surface : person.Surname)), identity, "surname", allowDoubleBarrel: true);
        bool oneWordIsGiven = person.Shape == MentionShape.OneWord && identity.GivenKey == person.SurnameKey && identity.SurnameKey != person.SurnameKey;
        if (person.Shape != MentionShape.OneWord || oneWordIsGiven)
        {
            string givenSource = person.Given ?? (oneWordIsGiven ? surface : null) ?? person.Initial?.ToString() ?? "";
            identity.SurrogateGiven ??= Draw(_names.SurrogateFirstNames(person.Given is null ? null : _names.GenderOf(person.Given.Split(' ')[0]), PersonNameLexicon.InitialSoundOf(givenSource)),
                identity, "given", allowDoubleBarrel: false);
        }
        return person.Shape switch
        {
            MentionShape.Full => $"{LikeCase(identity.SurrogateGiven!, person.Given!)} {LikeCase(identity.SurrogateSurname, person.Surname)}",
            MentionShape.InitialAndSurname => $"{identity.SurrogateGiven![..1].ToUpperInvariant()}. {LikeCase(identity.SurrogateSurname, person.Surname)}",
            _ => oneWordIsGiven ? LikeCase(identity.SurrogateGiven!, surface) : LikeCase(identity.SurrogateSurname, surface),
        };
    }

    /// <summary>A name of <paramref name="pool"/> chosen by the keyed hash of the identity, that is no word of the
    /// document and, while the pool lasts, no other identity's surrogate.</summary>
    private string Draw(IReadOnlyList<string> pool, PseudonymIdentity identity, string part, bool allowDoubleBarrel)
    {
        if (pool.Count == 0)
            throw new InvalidOperationException("The person-name resource has no surrogate names of this kind.");
        ulong seed = BitConverter.ToUInt64(Hmac($"{part}|{identity.Key}"), 0);
        int start = (int)(seed % (ulong)pool.Count);
        string? reused = null;
        for (int j = 0; j < pool.Count; j++)
        {
            string candidate = pool[(start + j) % pool.Count];
            if (_documentWords.Contains(PersonMention.Normalize(candidate))) continue;
            if (!_map.SurrogateWords.Contains(candidate))
                return Take(candidate);
            reused ??= candidate;
        }
        if (allowDoubleBarrel)
        {
            for (int j = 0; j < pool.Count * pool.Count; j++)
            {
                string candidate = $"{pool[(start + j) % pool.Count]}-{pool[(start + j / pool.Count + 1) % pool.Count]}";
                if (!_map.SurrogateWords.Contains(candidate) && !_documentWords.Contains(PersonMention.Normalize(candidate)))
                    return Take(candidate);
            }
        }
        return reused ?? throw new InvalidOperationException("Every surrogate name is a word of the document.");

        string Take(string name)
        {
            _map.SurrogateWords.Add(name);
            return name;
        }
    }

    private static string LikeCase(string name, string original)
    {
        bool upper = original.Count(char.IsLetter) >= 2 && original.All(c => !char.IsLetter(c) || char.IsUpper(c));
        bool lower = original.All(c => !char.IsLetter(c) || char.IsLower(c));
        return upper ? name.ToUpperInvariant() : lower ? name.ToLowerInvariant() : name;
    }

    /// <summary>"Jean-Marc Dupont" → "J***-M*** D*****": the first letter of each word part, the rest starred.</summary>
    internal static string Mask(string surface)
    {
        var masked = new StringBuilder(surface.Length);
        bool start = true;
        foreach (char c in surface)
        {
            if (char.IsLetter(c))
            {
                masked.Append(start ? c : '*');
                start = false;
            }
            else
            {
                masked.Append(c);
                start = true;
            }
        }
        return masked.ToString();
    }

    private byte[] Hmac(string message)
    {
        byte[] key = _options.HasKey ? _options.KeySpan.ToArray() : UnkeyedSurrogateSeed;
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
    }

    private static string Hex(byte[] hash, int bytes) => Convert.ToHexString(hash, 0, bytes).ToLowerInvariant();
}
