using EntityExtraction.Language;
using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// One training file and how it enters training: its sentences' update weight, whether only sentences
/// that look like running text are kept, whether sentences with an uncapitalised entity are dropped, and how
/// many copies of its sentences with entities are added with every entity replaced by another name of its type
/// (<see cref="MentionReplacement"/>), and whether a CoNLL file is retokenized. Written on the command line as
/// <c>PATH[@WEIGHT][@running][@cased][@swapN][@retok]</c>. The file is CoNLL, or JSONL raw text that is tokenized by
/// our tokenizer (<see cref="RawTextAlignment"/>). With <c>@retok</c> (<see cref="Retokenized"/>) a CoNLL file's
/// sentences are laid out as text (tokens joined by single spaces) and tokenized again by our tokenizer, the labels
/// carried over by character span: exactly what the end-to-end evaluation makes of a CoNLL sentence.
/// </summary>
public sealed record TrainingSource(string Path, float Weight, bool RunningTextOnly, bool CasedEntitiesOnly = false, int ReplacedCopies = 0, bool Retokenized = false)
{
    public static TrainingSource Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split('@');
        float weight = 1f;
        bool running = false, cased = false, retokenized = false;
        int replaced = 0;
        foreach (string option in parts.Skip(1))
        {
            if (option == "running") running = true;
            else if (option == "cased") cased = true;
            else if (option == "retok") retokenized = true;
            else if (option.StartsWith("swap", StringComparison.Ordinal))
            {
                if (!int.TryParse(option.AsSpan(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out replaced) || replaced < 1)
                    throw new ArgumentException($"Training source '{spec}': '@{option}' needs a number of copies of 1 or more (@swap2).");
            }
            else if (float.TryParse(option, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float w) && w > 0) weight = w;
            else throw new ArgumentException($"Training source '{spec}': unknown option '@{option}' (expected @WEIGHT, @running, @cased, @swapN or @retok).");
        }
        return new TrainingSource(parts[0], weight, running, cased, replaced, retokenized);
    }

    /// <summary>
    /// The file's sentences after its filters: CoNLL on its gold tokens, JSONL (raw text with character offsets)
    /// tokenized by our tokenizer (and CoNLL too when <see cref="Retokenized"/>), in which case how its entities fell
    /// on our tokens is written to <paramref name="log"/>.
    /// </summary>
    public List<TaggedSentence> Load(Action<string>? log = null)
    {
        var report = new AlignmentReport();
        bool raw = TrainingCorpus.IsRawText(Path);
        IEnumerable<TaggedSentence> sentences = raw || !Retokenized
            ? TrainingCorpus.ReadFile(Path, report)
            : RawTextAlignment.ToSentences(ConllDocuments.Build(ConllReader.ReadFile(Path), System.IO.Path.GetFileName(Path), sentencesPerDocument: 1), report);
        if ((raw || Retokenized) && log != null)
        {
            log($"train: {Path}: {report}");
            foreach (string example in report.Examples) log($"  {example}");
        }
        if (RunningTextOnly) sentences = sentences.Where(LooksLikeRunningText);
        if (CasedEntitiesOnly) sentences = sentences.Where(HasOnlyCasedEntities);
        return sentences.ToList();
    }

    /// <summary>
    /// Whether every entity of the sentence has a capital letter somewhere. Link-derived silver data such as
    /// WikiANN also labels common words and years ("ailier", "2015"); a sentence with such an entity teaches
    /// the model to tag lower-case words, so the whole sentence is left out rather than half-corrected.
    /// </summary>
    public static bool HasOnlyCasedEntities(TaggedSentence sentence)
    {
        bool cased = true;
        for (int i = 0; i < sentence.Labels.Length; i++)
        {
            if (LabelSet.Standard.PartOf(sentence.Labels[i]) == LabelPart.Begin) cased = false;
            if (sentence.Labels[i] != LabelSet.Outside && sentence.Words[i].Any(char.IsUpper)) cased = true;
            bool entityEnds = i + 1 == sentence.Labels.Length || LabelSet.Standard.PartOf(sentence.Labels[i + 1]) != LabelPart.Inside;
            if (sentence.Labels[i] != LabelSet.Outside && entityEnds && !cased) return false;
        }
        return true;
    }

    /// <summary>
    /// A sentence of prose rather than a title fragment: at least six tokens, some lower-case words, and
    /// final punctuation. WikiANN's link-derived fragments fail this; its real sentences pass.
    /// </summary>
    public static bool LooksLikeRunningText(TaggedSentence sentence)
    {
        var words = sentence.Words;
        if (words.Length < 6) return false;
        int lower = words.Count(w => w.Length > 0 && char.IsLower(w[0]));
        string last = words[^1];
        return lower >= 2 && FrenchPunctuation.EndsProse(last);
    }
}
