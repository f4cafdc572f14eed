using EntityExtraction.Language;
using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Pseudonymization;

/// <summary>A span of the text to replace, and the type it is replaced as.</summary>
internal readonly record struct Mention(int Start, int Length, EntityType Type, float Confidence)
{
    public int End => Start + Length;
}

/// <summary>
/// Chooses the spans to replace: the entities of the replaced types at or above the minimum confidence; under
/// <see cref="PseudonymizationOptions.FavorRecall"/> also the entities of other types that read as persons and
/// first name + capitalised word sequences nobody found; then every other occurrence of a replaced person's surname
/// (and, favouring recall, first names) in the document — a name is only gone when all its mentions are.
/// </summary>
internal sealed class MentionSelector
{
    private readonly PseudonymizationOptions _options;
    private readonly PersonNameLexicon _names;
    private readonly Func<string, LexiconFlags> _wordFlags;

    public MentionSelector(PseudonymizationOptions options, PersonNameLexicon names, Func<string, LexiconFlags> wordFlags)
    {
        _options = options;
        _names = names;
        _wordFlags = wordFlags;
    }

    public List<Mention> Select(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities)
    {
        var operators = _options.Operators;
        bool persons = operators.ContainsKey(EntityType.Person);
        var chosen = new List<Mention>();
        foreach (var e in entities)
        {
            if (persons && _options.FavorRecall && e.Type != EntityType.Person && ReadsAsPerson(e.Text))
                chosen.Add(WithoutTitle(text, new Mention(e.Start, e.Length, EntityType.Person, e.Confidence)));
            else if (operators.ContainsKey(e.Type) && e.Confidence >= _options.MinimumConfidence)
                chosen.Add(e.Type == EntityType.Person ? WithoutTitle(text, new Mention(e.Start, e.Length, e.Type, e.Confidence)) : new Mention(e.Start, e.Length, e.Type, e.Confidence));
        }
        if (persons && _options.FavorRecall)
            AddUnfoundPersons(text, tokens, entities, chosen);
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (persons)
            AddRepeatedNames(text, tokens, entities, chosen);
        return RemoveOverlaps(chosen);
    }

    /// <summary>
    /// A person's span without the titles it may start with ("M. Dupont" from a caller's gazetteer): the title stays in
    /// the text, as the annotation conventions keep it outside the name, and is not read as an initial.
    /// </summary>
    private static Mention WithoutTitle(string text, Mention mention)
    {
        int start = mention.Start, end = mention.End;
        while (true)
        {
            int space = text.IndexOf(' ', start, end - start);
            if (space < 0) break;
            var word = text.AsSpan(start, space - start).TrimEnd('.');
            if (!FrenchTitles.IsAbbreviatedTitle(word)) break;
            start = space + 1;
            while (start < end && text[start] == ' ') start++;
        }
        return start == mention.Start || start >= end ? mention : mention with { Start = start, Length = end - start };
    }

    /// <summary>Two or more capitalised words, the first a known first name: "Marie Curie" tagged as a place.</summary>
    private bool ReadsAsPerson(string surface)
    {
        string[] words = surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !_names.IsFirstName(words[0])) return false;
        foreach (string word in words)
        {
            if (!char.IsUpper(word[0]) && !FrenchFunctionWords.NameConnectors.Contains(word)) return false;
        }
        return true;
    }

    /// <summary>A known first name followed by one or two capitalised words, outside every entity.</summary>
    private void AddUnfoundPersons(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, List<Mention> chosen)
    {
        var covered = CoverageOf(tokens, entities);
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (covered[i] || !IsCapitalisedWord(text, tokens[i]) || !_names.IsFirstName(tokens[i].GetText(text))) continue;
            int end = i + 1;
            while (end < tokens.Count && end - i <= 2 && !covered[end] && tokens[end].SentenceIndex == tokens[i].SentenceIndex
                && IsCapitalisedWord(text, tokens[end]) && (_wordFlags(tokens[end].GetText(text)) & LexiconFlags.CommonWord) == 0)
                end++;
            if (end == i + 1) continue;
            chosen.Add(new Mention(tokens[i].Start, tokens[end - 1].End - tokens[i].Start, EntityType.Person, 0f));
            i = end - 1;
        }
    }

    /// <summary>Every other occurrence of a replaced person's surname (and, favouring recall, first names).</summary>
    private void AddRepeatedNames(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Entity> entities, List<Mention> chosen)
    {
        var nameWords = new Dictionary<string, float>(StringComparer.OrdinalIgnoreCase);
        foreach (var mention in chosen)
        {
            if (mention.Type != EntityType.Person) continue;
            var person = PersonMention.Parse(text.Substring(mention.Start, mention.Length), _names);
            foreach (string word in person.Surname.Split(' '))
                AddNameWord(nameWords, word, mention.Confidence);
            if (_options.FavorRecall && person.Given is not null)
            {
                foreach (string word in person.Given.Split(' '))
                    AddNameWord(nameWords, word, mention.Confidence);
            }
        }
        if (nameWords.Count == 0) return;
        var inChosen = CoverageOf(tokens, chosen);
        // A name word that is a whole entity of another type is the person the document named ("Trstenjak" tagged a
        // place after "Tina Trstenjak"); inside a longer one ("fondation Dupont") it goes only when favouring recall.
        var inEntity = _options.FavorRecall ? inChosen : CoverageOf(tokens, entities.Where(e => !IsOneToken(e, tokens)).ToList());
        int count = chosen.Count;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (inChosen[i] || inEntity[i] || token.Kind != TokenKind.Word) continue;
            // The parts of a hyphenated word too: "anti-Trump" keeps "anti-".
            int start = token.Start;
            for (int p = token.Start; p <= token.End; p++)
            {
                if (p < token.End && !FrenchCharacters.IsHyphen(text[p])) continue;
                if (p > start && (_options.InformalText || char.IsUpper(text[start]))
                    && nameWords.TryGetValue(text.Substring(start, p - start), out float confidence))
                    chosen.Add(new Mention(start, p - start, EntityType.Person, confidence));
                start = p + 1;
            }
        }
        if (chosen.Count > count)
            chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static void AddNameWord(Dictionary<string, float> words, string word, float confidence)
    {
        if (word.Length < 3 || !char.IsLetter(word[0]) || FrenchFunctionWords.NameConnectors.Contains(word) || PersonMention.IsInitial(word)) return;
        if (!words.TryGetValue(word, out float known) || known < confidence)
            words[word] = confidence;
    }

    private static bool IsOneToken(Entity entity, IReadOnlyList<Token> tokens)
    {
        int index = BinarySearchStart(tokens, entity.Start);
        return index >= 0 && tokens[index].End == entity.End;
    }

    private static int BinarySearchStart(IReadOnlyList<Token> tokens, int start)
    {
        int low = 0, high = tokens.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            int compared = tokens[middle].Start.CompareTo(start);
            if (compared == 0) return middle;
            if (compared < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    private static bool IsCapitalisedWord(string text, Token token) => token.Kind == TokenKind.Word && token.Length >= 2 && char.IsUpper(text[token.Start]);

    /// <summary>For each token, whether one of <paramref name="spans"/> (in text order) covers it.</summary>
    private static bool[] CoverageOf<T>(IReadOnlyList<Token> tokens, IReadOnlyList<T> spans)
    {
        var covered = new bool[tokens.Count];
        var sorted = spans.Select(Span).OrderBy(s => s.Start).ToList();
        int s = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            while (s < sorted.Count && sorted[s].End <= tokens[i].Start) s++;
            covered[i] = s < sorted.Count && sorted[s].Start < tokens[i].End && tokens[i].Start < sorted[s].End;
        }
        return covered;

        static (int Start, int End) Span(T span) => span switch
        {
            Entity e => (e.Start, e.End),
            Mention m => (m.Start, m.End),
            _ => throw new ArgumentException("Not a span.", nameof(spans)),
        };
    }

    /// <summary>In text order; of two overlapping spans the earlier (the longer when they start together) stays.</summary>
    private static List<Mention> RemoveOverlaps(List<Mention> mentions)
    {
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<Mention>(mentions.Count);
        int end = 0;
        foreach (var m in mentions)
        {
            if (m.Start < end) continue;
            kept.Add(m);
            end = m.End;
        }
        return kept;
    }
}
