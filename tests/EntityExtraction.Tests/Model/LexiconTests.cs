using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class LexiconTests
{
    [Fact]
    public void Sorted_keys_build_the_same_lexicon_as_the_general_constructor()
    {
        var random = new Random(11);
        var entries = Enumerable.Range(0, 5000)
            .Select(_ => ((uint)random.Next(1, 200_000), (LexiconFlags)(1 << random.Next(0, LexiconFlagsInfo.Count))))
            .ToList();
        var general = new Lexicon(entries);
        var sorted = entries.OrderBy(e => e.Item1).ToList();

        var fast = Lexicon.FromSortedKeys(sorted.Select(e => e.Item1).ToArray(), sorted.Select(e => (ushort)e.Item2).ToArray());

        fast.Count.Should().Be(general.Count);
        fast.Entries().Should().Equal(general.Entries());
        for (uint key = 1; key < 200_000; key += 7)
        {
            ulong hash = (ulong)key << 32;
            fast.Lookup(hash).Should().Be(general.Lookup(hash));
        }
    }

    [Fact]
    public void Repeated_sorted_keys_combine_their_flags_and_empty_ones_are_skipped()
    {
        var lexicon = Lexicon.FromSortedKeys(
            [0u, 3u, 3u, 9u, 12u],
            [(ushort)LexiconFlags.Place, (ushort)LexiconFlags.FirstName, (ushort)LexiconFlags.Surname, 0, (ushort)LexiconFlags.Country]);

        lexicon.Count.Should().Be(2);
        lexicon.Lookup(3UL << 32).Should().Be(LexiconFlags.FirstName | LexiconFlags.Surname);
        lexicon.Lookup(9UL << 32).Should().Be(LexiconFlags.None);
        lexicon.Lookup(12UL << 32).Should().Be(LexiconFlags.Country);
    }

    [Fact]
    public void Keys_out_of_order_are_refused_with_their_position()
    {
        var act = () => Lexicon.FromSortedKeys([1u, 5u, 4u], [1, 1, 1]);
        act.Should().Throw<ArgumentException>().WithMessage("Lexicon key 2 is smaller*");
        var lengths = () => Lexicon.FromSortedKeys([1u], [1, 1]);
        lengths.Should().Throw<ArgumentException>().WithMessage("1 keys for 2 flag sets*");
    }
}
