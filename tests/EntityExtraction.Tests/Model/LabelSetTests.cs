using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class LabelSetTests
{
    private static readonly LabelSet Bio = LabelSet.Standard;
    private static readonly LabelSet Bilou = LabelSet.ForStandardTypes(LabelScheme.Bilou);

    private static int Parse(LabelSet labels, string name)
    {
        if (name == "^") return -1; // sentence start
        for (int c = 0; c < labels.Count; c++)
        {
            if (labels.Name(c) == name) return c;
        }
        throw new ArgumentException($"No label {name} in {labels.Scheme}.");
    }

    private static int[] Sequence(LabelSet labels, string names) => names.Split(' ').Select(n => Parse(labels, n)).ToArray();

    /// <summary>The entities of a label sequence as "TYPE first-last" token ranges, read the way the model emits them.</summary>
    private static string[] Spans(LabelSet labels, int[] path)
    {
        var spans = new List<string>();
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == LabelSet.Outside) { i++; continue; }
            int end = labels.EntityEnd(path, i);
            spans.Add($"{EntityTypeCodes.ToCode(labels.Types[labels.TypeIndexOf(path[i])])} {i}-{end - 1}");
            i = end;
        }
        return spans.ToArray();
    }

    [Fact]
    public void Bio_keeps_its_historical_layout()
    {
        // Older model files store weights in this order: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC.
        Enumerable.Range(0, Bio.Count).Select(Bio.Name).Should().Equal("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC");
        Bio.Begin(2).Should().Be(5);
        Bio.Inside(2).Should().Be(6);
    }

    [Fact]
    public void Bilou_has_four_labels_per_type_after_outside()
    {
        Enumerable.Range(0, Bilou.Count).Select(Bilou.Name).Should().Equal(
            "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC");
        Bilou.PartOf(Parse(Bilou, "L-ORG")).Should().Be(LabelPart.Last);
        Bilou.TypeIndexOf(Parse(Bilou, "U-LOC")).Should().Be(2);
    }

    [Fact]
    public void Bio_has_no_last_or_unit_label()
    {
        var act = () => Bio.Label(LabelPart.Unit, 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Bio has no Unit label*");
    }

    [Theory]
    // Sentence start: only what may open or stay outside.
    [InlineData("^", "O", true)]
    [InlineData("^", "B-PER", true)]
    [InlineData("^", "U-LOC", true)]
    [InlineData("^", "I-PER", false)]
    [InlineData("^", "L-PER", false)]
    // An open entity continues with I or closes with L of its own type, and nothing else.
    [InlineData("B-PER", "I-PER", true)]
    [InlineData("B-PER", "L-PER", true)]
    [InlineData("B-PER", "O", false)]
    [InlineData("B-PER", "B-PER", false)]
    [InlineData("B-PER", "U-PER", false)]
    [InlineData("B-PER", "I-ORG", false)]
    [InlineData("B-PER", "L-ORG", false)]
    [InlineData("I-ORG", "I-ORG", true)]
    [InlineData("I-ORG", "L-ORG", true)]
    [InlineData("I-ORG", "O", false)]
    [InlineData("I-ORG", "B-LOC", false)]
    [InlineData("I-ORG", "L-LOC", false)]
    // A closed entity (L or U) or O is followed by O, B or U of any type.
    [InlineData("L-PER", "O", true)]
    [InlineData("L-PER", "B-ORG", true)]
    [InlineData("L-PER", "U-PER", true)]
    [InlineData("L-PER", "I-PER", false)]
    [InlineData("L-PER", "L-PER", false)]
    [InlineData("U-ORG", "O", true)]
    [InlineData("U-ORG", "B-ORG", true)]
    [InlineData("U-ORG", "U-ORG", true)]
    [InlineData("U-ORG", "I-ORG", false)]
    [InlineData("U-ORG", "L-ORG", false)]
    [InlineData("O", "O", true)]
    [InlineData("O", "B-LOC", true)]
    [InlineData("O", "U-LOC", true)]
    [InlineData("O", "I-LOC", false)]
    [InlineData("O", "L-LOC", false)]
    public void Bilou_transitions(string from, string to, bool allowed)
    {
        Bilou.IsAllowed(Parse(Bilou, from), Parse(Bilou, to)).Should().Be(allowed);
    }

    [Theory]
    [InlineData("O", true)]
    [InlineData("L-PER", true)]
    [InlineData("U-ORG", true)]
    [InlineData("B-PER", false)]
    [InlineData("I-LOC", false)]
    public void A_bilou_sentence_ends_only_outside_an_entity(string last, bool allowed)
    {
        Bilou.IsAllowedAtEnd(Parse(Bilou, last)).Should().Be(allowed);
    }

    [Theory]
    [InlineData("^", "I-PER", false)]
    [InlineData("O", "I-PER", false)]
    [InlineData("B-ORG", "I-PER", false)]
    [InlineData("B-PER", "I-PER", true)]
    [InlineData("I-PER", "I-PER", true)]
    [InlineData("B-PER", "O", true)]
    [InlineData("I-PER", "B-PER", true)]
    public void Bio_transitions(string from, string to, bool allowed)
    {
        Bio.IsAllowed(Parse(Bio, from), Parse(Bio, to)).Should().Be(allowed);
    }

    [Fact]
    public void A_bio_sentence_may_end_anywhere()
    {
        Enumerable.Range(0, Bio.Count).Should().OnlyContain(c => Bio.IsAllowedAtEnd(c));
    }

    [Fact]
    public void Bilou_spans_are_read_from_unit_and_begin_to_last_labels()
    {
        // Le [Jean Dupont] et [Paul] rencontrent [Renault] [Nissan] à [Saint - Denis]
        var path = Sequence(Bilou, "O B-PER L-PER O U-PER O U-ORG U-ORG O B-LOC I-LOC L-LOC");
        Spans(Bilou, path).Should().Equal("PER 1-2", "PER 4-4", "ORG 6-6", "ORG 7-7", "LOC 9-11");
    }

    [Fact]
    public void Bio_spans_run_from_begin_over_inside_labels_of_the_same_type()
    {
        var path = Sequence(Bio, "B-PER I-PER B-PER O B-ORG I-ORG I-LOC");
        // I-LOC after I-ORG is not a valid continuation: it is read as a new entity, as before BILOU existed.
        Spans(Bio, path).Should().Equal("PER 0-1", "PER 2-2", "ORG 4-5", "LOC 6-6");
    }

    [Fact]
    public void Corpus_bio_labels_are_respelled_in_bilou()
    {
        var bio = Sequence(Bio, "B-PER I-PER I-PER O B-LOC B-LOC O B-ORG I-ORG");
        Bilou.FromStandardBio(bio).Select(Bilou.Name).Should().Equal("B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-LOC", "O", "B-ORG", "L-ORG");
        Bio.FromStandardBio(bio).Should().Equal(bio);
    }
}
