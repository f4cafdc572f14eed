using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class WordClustersTests
{
    private static uint Key(string word) => Lexicon.Fold(FeatureHash.LowerCase(word));

    [Fact]
    public void Words_are_found_whatever_the_order_of_the_entries_and_the_last_of_a_repeated_key_wins()
    {
        var sorted = new[] { (Key("paris"), new ushort[] { 2 }), (Key("lyon"), new ushort[] { 3 }), (Key("mardi"), new ushort[] { 4 }) }
            .OrderBy(e => e.Item1).ToArray();
        var reversed = sorted.AsEnumerable().Reverse().Append((Key("lyon"), new ushort[] { 5 })).ToArray();

        var fromSorted = new WordClusters([8], sorted);
        var fromReversed = new WordClusters([8], reversed);

        fromSorted.Lookup(FeatureHash.LowerCase("Lyon")).ToArray().Should().Equal(3);
        fromReversed.Lookup(FeatureHash.LowerCase("Lyon")).ToArray().Should().Equal(5);
        fromReversed.Count.Should().Be(3);
        foreach (string word in new[] { "paris", "mardi" })
            fromReversed.Lookup(FeatureHash.LowerCase(word)).ToArray().Should().Equal(fromSorted.Lookup(FeatureHash.LowerCase(word)).ToArray());
        fromSorted.Lookup(FeatureHash.LowerCase("inconnu")).ToArray().Should().Equal(0);
        fromReversed.Entries().Select(e => e.Key).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Invalid_entries_are_rejected_with_the_reason()
    {
        var zeroKey = () => new WordClusters([8], [(0u, new ushort[] { 1 })]);
        var wrongLevels = () => new WordClusters([8], [(Key("paris"), new ushort[] { 1, 2 })]);
        var outOfRange = () => new WordClusters([8], [(Key("paris"), new ushort[] { 9 })]);

        zeroKey.Should().Throw<ArgumentException>().WithMessage("*reserved*");
        wrongLevels.Should().Throw<ArgumentException>().WithMessage("*2 ids; 1 expected*");
        outOfRange.Should().Throw<ArgumentException>().WithMessage("*outside 1..8*");
    }
}
