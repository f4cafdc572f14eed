using System.Globalization;
using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Corpora;

/// <summary>
/// Raw-text annotated documents (JSONL) as training sentences on the runtime's own tokens: each text is tokenized
/// by <see cref="FrenchTokenizer.Default"/>, split into sentences by the tokens' <see cref="Token.SentenceIndex"/>,
/// and its PER/ORG/LOC character spans become BIO labels on the tokens, so training sees exactly what
/// <c>Extract</c> sees.
/// </summary>
/// <remarks>
/// The rules where a span does not fall on token boundaries:
/// <list type="bullet">
/// <item>An entity whose start or end lies inside a token labels every token it overlaps (it is counted as
/// <see cref="AlignmentReport.Misaligned"/>): the nearest span our tokens can express.</item>
/// <item>An entity over two or more sentences of our tokenizer becomes one entity per sentence, each opened by B
/// (<see cref="AlignmentReport.AcrossSentences"/>).</item>
/// <item>An entity that shares a token with an entity already labelled (entities are taken in text order) is
/// dropped (<see cref="AlignmentReport.Dropped"/>); so is a span that covers no token.</item>
/// </list>
/// </remarks>
public static class RawTextAlignment
{
    /// <summary>Reads a JSONL file as training sentences; <paramref name="report"/>, if given, counts how its entities aligned.</summary>
    public static List<TaggedSentence> ReadFile(string path, AlignmentReport? report = null)
        => ToSentences(JsonlReader.ReadFile(path), report);

    public static List<TaggedSentence> ToSentences(IEnumerable<AnnotatedDocument> documents, AlignmentReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        report ??= new AlignmentReport();
        var sentences = new List<TaggedSentence>();
        var tokens = new List<Token>();
        foreach (var document in documents) AddSentences(document, report, tokens, sentences);
        return sentences;
    }

    private static void AddSentences(AnnotatedDocument document, AlignmentReport report, List<Token> tokens, List<TaggedSentence> destination)
    {
        report.Documents++;
        string text = document.Text;
        tokens.Clear();
        FrenchTokenizer.Default.Tokenize(text, tokens);
        var labels = new int[tokens.Count];
        var bio = LabelSet.Standard;
        foreach (var entity in document.Entities.OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            report.Entities++;
            int first = FirstTokenEndingAfter(tokens, entity.Start);
            int end = first;
            while (end < tokens.Count && tokens[end].Start < entity.End) end++;
            if (first == end)
            {
                report.Dropped++;
                report.Example($"no token: \"{text[entity.Start..entity.End]}\" ({document.Id})");
                continue;
            }
            bool free = true;
            for (int i = first; i < end; i++) free &= labels[i] == LabelSet.Outside;
            if (!free)
            {
                report.Dropped++;
                report.Example($"shares a token with another entity: \"{text[entity.Start..entity.End]}\" ({document.Id})");
                continue;
            }
            if (tokens[first].Start != entity.Start || tokens[end - 1].End != entity.End)
            {
                report.Misaligned++;
                report.Example($"inside a token: \"{text[entity.Start..entity.End]}\" on tokens \"{text[tokens[first].Start..tokens[end - 1].End]}\" ({document.Id})");
            }
            if (tokens[first].SentenceIndex != tokens[end - 1].SentenceIndex)
            {
                report.AcrossSentences++;
                report.Example($"across a sentence boundary: \"{text[entity.Start..entity.End]}\" ({document.Id})");
            }
            int type = bio.IndexOfType(entity.Type);
            for (int i = first; i < end; i++)
                labels[i] = i == first || tokens[i].SentenceIndex != tokens[i - 1].SentenceIndex ? bio.Begin(type) : bio.Inside(type);
        }
        int start = 0;
        while (start < tokens.Count)
        {
            int stop = start + 1;
            while (stop < tokens.Count && tokens[stop].SentenceIndex == tokens[start].SentenceIndex) stop++;
            var words = new string[stop - start];
            for (int i = start; i < stop; i++) words[i - start] = tokens[i].GetText(text);
            destination.Add(new TaggedSentence(words, labels[start..stop]));
            report.Sentences++;
            start = stop;
        }
    }

    /// <summary>The first token whose end is after <paramref name="position"/> (tokens are in text order).</summary>
    private static int FirstTokenEndingAfter(List<Token> tokens, int position)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (tokens[middle].End <= position) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}

/// <summary>How the entities of raw-text documents fell on our tokens (see <see cref="RawTextAlignment"/>).</summary>
public sealed class AlignmentReport
{
    /// <summary>How many examples of each problem <see cref="Examples"/> keeps.</summary>
    public const int MaxExamples = 8;

    private readonly List<string> _examples = [];

    public int Documents { get; internal set; }

    public int Sentences { get; internal set; }

    /// <summary>PER/ORG/LOC entities read (other types are not counted).</summary>
    public int Entities { get; internal set; }

    /// <summary>Entities whose start or end lies inside a token; the tokens they overlap are labelled.</summary>
    public int Misaligned { get; internal set; }

    /// <summary>Entities split by a sentence boundary of our tokenizer into one entity per sentence.</summary>
    public int AcrossSentences { get; internal set; }

    /// <summary>Entities left out: they share a token with an earlier entity, or cover no token.</summary>
    public int Dropped { get; internal set; }

    /// <summary>The first few problems, for the log.</summary>
    public IReadOnlyList<string> Examples => _examples;

    internal void Example(string description)
    {
        if (_examples.Count < MaxExamples) _examples.Add(description);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Documents:N0} texts, {Sentences:N0} sentences, {Entities:N0} entities: {Entities - Misaligned - Dropped:N0} on token boundaries, {Misaligned:N0} start or end inside a token (the tokens overlapped are labelled), {AcrossSentences:N0} across a sentence boundary (split), {Dropped:N0} dropped");
}
