using EntityExtraction.Model;
using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Learning;

/// <summary>
/// Mention replacement (Dai and Adel 2020): copies of training sentences in which every entity is replaced by
/// another name of the same type, drawn from the names of all training files and the curated lists. The
/// contexts stay real French; the names vary, so the model learns from the context ("les salariés de X", "à X")
/// what a name it has never seen is, instead of remembering which names are which.
/// </summary>
internal static class MentionReplacement
{
    /// <summary>
    /// Names per type index of <see cref="LabelSet.Standard"/>, each as its words, without repeats, in first-seen
    /// order: the entities of <paramref name="sentences"/> and the entries (not the aliases) of the curated lists
    /// in <paramref name="curatedLists"/>, if given. A name without a capital letter (silver annotations of common
    /// words) is left out.
    /// </summary>
    public static List<string[]>[] NamePool(IEnumerable<TaggedSentence> sentences, string? curatedLists)
    {
        var labels = LabelSet.Standard;
        var seen = new HashSet<(int, string)>();
        var pool = Enumerable.Range(0, labels.Types.Count).Select(_ => new List<string[]>()).ToArray();
        void Add(int type, string[] words)
        {
            if (words.Length > 0 && words.Any(w => w.Any(char.IsUpper)) && seen.Add((type, string.Join(' ', words)))) pool[type].Add(words);
        }
        foreach (var sentence in sentences)
        {
            for (int i = 0; i < sentence.Labels.Length; i++)
            {
                if (labels.PartOf(sentence.Labels[i]) != LabelPart.Begin) continue;
                int end = labels.EntityEnd(sentence.Labels, i);
                Add(labels.TypeIndexOf(sentence.Labels[i]), sentence.Words[i..end]);
            }
        }
        if (curatedLists != null)
        {
            foreach (var (_, entries) in Gazetteers.CuratedLists.Read(curatedLists))
            {
                foreach (var entry in entries)
                {
                    var tokens = FrenchTokenizer.Default.Tokenize(entry.Name);
                    Add(labels.IndexOfType(entry.Type), tokens.Select(t => entry.Name.Substring(t.Start, t.Length)).ToArray());
                }
            }
        }
        return pool;
    }

    /// <summary>
    /// <paramref name="copies"/> copies of every sentence that has an entity, each entity replaced by a name of its
    /// type drawn with <paramref name="random"/> from <paramref name="pool"/> (kept as it was if the pool has no
    /// name of that type). Sentences without entities would only repeat themselves and are not copied.
    /// </summary>
    public static List<TaggedSentence> Augment(IReadOnlyList<TaggedSentence> sentences, IReadOnlyList<List<string[]>> pool, int copies, Random random)
    {
        var labels = LabelSet.Standard;
        var result = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<int>();
        for (int copy = 0; copy < copies; copy++)
        {
            foreach (var sentence in sentences)
            {
                if (sentence.Labels.All(l => l == LabelSet.Outside)) continue;
                words.Clear();
                tags.Clear();
                for (int i = 0; i < sentence.Labels.Length;)
                {
                    int label = sentence.Labels[i];
                    if (label == LabelSet.Outside)
                    {
                        words.Add(sentence.Words[i]);
                        tags.Add(label);
                        i++;
                        continue;
                    }
                    int type = labels.TypeIndexOf(label);
                    int end = labels.EntityEnd(sentence.Labels, i);
                    var names = pool[type];
                    var name = names.Count > 0 ? names[random.Next(names.Count)] : sentence.Words[i..end];
                    for (int k = 0; k < name.Length; k++)
                    {
                        words.Add(name[k]);
                        tags.Add(k == 0 ? labels.Begin(type) : labels.Inside(type));
                    }
                    i = end;
                }
                result.Add(new TaggedSentence(words.ToArray(), tags.ToArray()));
            }
        }
        return result;
    }
}
