using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// One training file and how it enters training: its sentences' update weight, and whether only sentences
/// that look like running text are kept. Written on the command line as <c>PATH[@WEIGHT][@running]</c>.
/// </summary>
public sealed record TrainingSource(string Path, float Weight, bool RunningTextOnly)
{
    public static TrainingSource Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split('@');
        float weight = 1f;
        bool running = false;
        foreach (string option in parts.Skip(1))
        {
            if (option == "running") running = true;
            else if (float.TryParse(option, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float w) && w > 0) weight = w;
            else throw new ArgumentException($"Training source '{spec}': unknown option '@{option}' (expected @WEIGHT or @running).");
        }
        return new TrainingSource(parts[0], weight, running);
    }

    public List<TaggedSentence> Load()
    {
        var sentences = ConllReader.ReadFile(Path);
        return RunningTextOnly ? sentences.Where(LooksLikeRunningText).ToList() : sentences;
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
        return lower >= 2 && last is "." or "!" or "?" or "…" or ";" or ":";
    }
}
