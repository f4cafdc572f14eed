using System.Text;
using EntityExtraction.Gazetteers;
using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// Harvests PER/ORG/LOC names from training corpora (IOB2 CoNLL, or raw-text JSONL tokenized by our tokenizer): a surface is kept when it was annotated often
/// enough, with one type at least <see cref="MajorityShare"/> of the time, and (for one-token names) is annotated
/// at least half the times it occurs at all. Only ever given <c>train/</c> files.
/// </summary>
public sealed class CorpusNameHarvester
{
    /// <summary>Share of the annotations of a surface that must agree on its type.</summary>
    public const double MajorityShare = 0.7;

    private static readonly string[] s_functionWords = ["de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en", "sur", "pour", "of", "the", "and"];

    private readonly Dictionary<string, int[]> _typeCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _noisyCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unannotatedTokens = new(StringComparer.Ordinal);

    /// <summary>Adds a corpus. Occurrences in a <paramref name="noisy"/> corpus (WikiANN) count only when a name is seen three times.</summary>
    public void AddCorpus(string path, bool noisy)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Corpus '{path}' does not exist.", path);
        var tokens = new List<string>();
        string? type = null;
        int lineNumber = 0;

        void Flush()
        {
            if (type is not null && tokens.Count > 0)
                Count(JoinTokens(tokens), type, noisy);
            tokens.Clear();
            type = null;
        }

        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            int tab = line.LastIndexOf('\t');
            if (tab <= 0)
                throw new FormatException($"{path}:{lineNumber}: expected 'token<TAB>tag'.");
            string token = line[..tab];
            string tag = line[(tab + 1)..];
            if (tag.StartsWith("I-", StringComparison.Ordinal) && type == tag[2..])
            {
                tokens.Add(token);
                continue;
            }
            Flush();
            if (tag.StartsWith("B-", StringComparison.Ordinal) || tag.StartsWith("I-", StringComparison.Ordinal))
            {
                type = tag[2..];
                tokens.Add(token);
            }
            else
            {
                _unannotatedTokens[token] = _unannotatedTokens.GetValueOrDefault(token) + 1;
            }
        }
        Flush();
    }

    /// <summary>
    /// Adds raw-text documents (JSONL): each text is tokenized by <see cref="FrenchTokenizer.Default"/>, an entity's
    /// surface is rebuilt from the tokens inside its span as for CoNLL, and the tokens outside every entity count as
    /// unannotated occurrences.
    /// </summary>
    public void AddDocuments(IEnumerable<AnnotatedDocument> documents, bool noisy)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var tokens = new List<Token>();
        var surface = new List<string>();
        foreach (var document in documents)
        {
            tokens.Clear();
            FrenchTokenizer.Default.Tokenize(document.Text, tokens);
            var entities = document.Entities.OrderBy(e => e.Start).ToList();
            int next = 0;
            foreach (var token in tokens)
            {
                while (next < entities.Count && entities[next].End <= token.Start) next++;
                bool inside = next < entities.Count && entities[next].Start < token.End;
                if (!inside)
                {
                    string text = token.GetText(document.Text);
                    _unannotatedTokens[text] = _unannotatedTokens.GetValueOrDefault(text) + 1;
                }
            }
            foreach (var entity in entities)
            {
                surface.Clear();
                foreach (var token in tokens)
                {
                    if (token.Start >= entity.Start && token.End <= entity.End) surface.Add(token.GetText(document.Text));
                }
                if (surface.Count > 0) Count(JoinTokens(surface), entity.Type, noisy);
            }
        }
    }

    /// <summary>The tokens the corpora added so far have outside any name.</summary>
    public IReadOnlyCollection<string> TokensOutsideNames => _unannotatedTokens.Keys;

    /// <summary>The harvested entries, most frequent first.</summary>
    public List<GazetteerEntry> Harvest(IReadOnlySet<string> commonWords)
    {
        var entries = new List<(GazetteerEntry Entry, int Count)>();
        foreach (var (surface, counts) in _typeCounts)
        {
            int total = counts.Sum();
            int noisy = _noisyCounts.GetValueOrDefault(surface);
            if (total - noisy < 2 && total < 3)
                continue;
            int best = Array.IndexOf(counts, counts.Max());
            if (counts[best] < MajorityShare * total || !LooksLikeAName(surface, commonWords))
                continue;
            if (!surface.Contains(' ') && _unannotatedTokens.GetValueOrDefault(surface) > total)
                continue;
            entries.Add((new GazetteerEntry(surface, (EntityType)best, matchMode: GazetteerMatchMode.IgnoreCase), total));
        }
        return [.. entries.OrderByDescending(e => e.Count).ThenBy(e => e.Entry.Name, StringComparer.Ordinal).Select(e => e.Entry)];
    }

    private void Count(string surface, string type, bool noisy)
    {
        if (EntityTypeCodes.TryParseCode(type, out var entityType))
            Count(surface, entityType, noisy);
    }

    private void Count(string surface, EntityType entityType, bool noisy)
    {
        int index = (int)entityType;
        if (!_typeCounts.TryGetValue(surface, out var counts))
            _typeCounts.Add(surface, counts = new int[3]);
        counts[index]++;
        if (noisy)
            _noisyCounts[surface] = _noisyCounts.GetValueOrDefault(surface) + 1;
    }

    /// <summary>Capitalised, made of letters (OCR debris and title fragments excluded), not a common word, not one letter.</summary>
    private static bool LooksLikeAName(string surface, IReadOnlySet<string> commonWords)
    {
        if (surface.Length < 3 || surface.Length > 60 || !char.IsUpper(surface[0]))
            return false;
        string[] words = surface.Split(' ');
        if (words.Length > 6)
            return false;
        foreach (char c in surface)
        {
            if (!(char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.' or '&'))
                return false;
        }
        if (words.Length == 1 && commonWords.Contains(surface.ToLowerInvariant()))
            return false;
        // A name ending on a bare function word is a fragment ("Banque de").
        return Array.IndexOf(s_functionWords, words[^1]) < 0 && !words[^1].EndsWith('\'') && !words[^1].EndsWith('’');
    }

    /// <summary>Rebuilds the surface from corpus tokens: no space after an elision, none around a hyphen.</summary>
    internal static string JoinTokens(IReadOnlyList<string> tokens)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = tokens[i];
            if (i > 0)
            {
                string previous = tokens[i - 1];
                bool glued = previous.EndsWith('\'') || previous.EndsWith('’') || previous == "-" || token == "-";
                if (!glued)
                    builder.Append(' ');
            }
            builder.Append(token);
        }
        return builder.ToString();
    }
}
