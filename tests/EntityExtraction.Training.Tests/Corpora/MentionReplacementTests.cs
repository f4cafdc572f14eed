using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Corpora;

public class MentionReplacementTests
{
    // Standard BIO label indices: O 0, B-PER 1, I-PER 2, B-ORG 3, I-ORG 4, B-LOC 5, I-LOC 6.
    private static TaggedSentence S(string words, params int[] labels) => new(words.Split(' '), labels);

    private static readonly TaggedSentence[] Corpus =
    [
        S("Jean Dupont travaille chez Renault à Lyon .", 1, 2, 0, 0, 3, 0, 5, 0),
        S("Il pleut .", 0, 0, 0),
        S("La Banque de France ouvre à Marseille", 0, 3, 4, 4, 0, 0, 5),
        S("le maire de paris", 0, 0, 0, 5),
    ];

    [Fact]
    public void The_pool_holds_each_capitalised_name_once_under_its_type()
    {
        var pool = MentionReplacement.NamePool(Corpus.Append(Corpus[0]), curatedLists: null);

        pool[0].Select(n => string.Join(' ', n)).Should().Equal("Jean Dupont");
        pool[1].Select(n => string.Join(' ', n)).Should().Equal("Renault", "Banque de France");
        pool[2].Select(n => string.Join(' ', n)).Should().Equal("Lyon", "Marseille"); // "paris" has no capital
    }

    [Fact]
    public void The_pool_adds_the_curated_entries_tokenized()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mention-replacement-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "orgs.tsv"), "Commissariat à l'énergie atomique\tORG\tCEA\tCEA\n");
            var pool = MentionReplacement.NamePool([], folder);

            pool[1].Should().ContainSingle().Which.Should().Equal("Commissariat", "à", "l'", "énergie", "atomique");
            pool[0].Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_entity_is_replaced_by_a_name_of_its_type_and_the_context_is_kept()
    {
        var pool = new List<string[]>[]
        {
            [["Marie", "Curie"]],
            [["Airbus"], ["Crédit", "agricole"]],
            [["Saint-Étienne"]],
        };

        var copies = MentionReplacement.Augment(Corpus, pool, copies: 3, new Random(5));

        copies.Should().HaveCount(9, "three copies of the three sentences that have an entity");
        foreach (var copy in copies.Take(3))
        {
            copy.Labels.Should().HaveSameCount(copy.Words);
        }
        var first = copies[0];
        string.Join(' ', first.Words).Should().Match("Marie Curie travaille chez * à Saint-Étienne .");
        first.Labels[..2].Should().Equal(1, 2);
        first.Labels[^2].Should().Be(5);
        var third = copies[2];
        third.Words[..3].Should().Equal("le", "maire", "de");
        third.Words[3].Should().Be("Saint-Étienne");
        copies.SelectMany(c => c.Words.Zip(c.Labels)).Where(p => p.Second is 3)
            .Select(p => p.First).Should().OnlyContain(w => w == "Airbus" || w == "Crédit");
        copies.SelectMany(c => c.Words.Zip(c.Labels)).Where(p => p.Second is 4)
            .Select(p => p.First).Should().OnlyContain(w => w == "agricole");
    }

    [Fact]
    public void The_same_random_seed_gives_the_same_copies()
    {
        var pool = MentionReplacement.NamePool(Corpus, curatedLists: null);

        var a = MentionReplacement.Augment(Corpus, pool, 2, new Random(9));
        var b = MentionReplacement.Augment(Corpus, pool, 2, new Random(9));

        a.Select(s => string.Join(' ', s.Words)).Should().Equal(b.Select(s => string.Join(' ', s.Words)));
        a.Select(s => string.Join(' ', s.Labels)).Should().Equal(b.Select(s => string.Join(' ', s.Labels)));
    }

    [Fact]
    public void A_type_without_names_in_the_pool_keeps_its_mention()
    {
        var pool = new List<string[]>[] { [], [], [] };

        var copies = MentionReplacement.Augment([Corpus[0]], pool, 1, new Random(1));

        copies.Should().ContainSingle().Which.Words.Should().Equal(Corpus[0].Words);
    }
}
