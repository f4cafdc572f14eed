using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

/// <summary>
/// A template's number is hashed into every feature it makes, so the trained weights of a model mean something
/// only for this exact list. Changing it must be a decision (a new feature schema and a retrained model), never an
/// accident: this test is the list, and fails on any change to it.
/// </summary>
public class FeatureTemplateTests
{
    private static readonly (string Name, int Value)[] Frozen =
    [
        ("ShapeValue", 0), ("Bias", 1), ("Word", 2), ("PreviousWord", 3), ("NextWord", 4), ("SecondPreviousWord", 5),
        ("SecondNextWord", 6), ("Shape", 7), ("PreviousShape", 8), ("NextShape", 9), ("PreviousAndCurrentShape", 10),
        ("CurrentAndNextShape", 11), ("PreviousAndCurrentWord", 12), ("CurrentAndNextWord", 13), ("Prefix3", 14),
        ("Suffix2", 15), ("Suffix3", 16), ("Suffix4", 17), ("CaseAndPosition", 18), ("CaseAndCommonWord", 19),
        ("CaseWindow", 20), ("PreviousWordAndCase", 21), ("CaseAndNextWord", 22), ("PositionAndWord", 23),
        ("TwoPreviousWords", 24), ("TwoNextWords", 25), ("RunShape", 26), ("WordBeforeRun", 27), ("WordAfterRun", 28),
        ("LexiconFlag", 30), ("PreviousLexiconFlag", 31), ("NextLexiconFlag", 32), ("OrthographyFlag", 33),
        ("Cluster", 34), ("ClusterAndCase", 35), ("PreviousCluster", 36), ("NextCluster", 37), ("FineCluster", 38),
        ("FineClusterAndCase", 39), ("GenreCopy", 40), ("NameHead", 41), ("NameHeadCluster", 42),
    ];

    [Fact]
    public void The_template_list_is_frozen_for_this_feature_schema()
    {
        FeatureSchema.Version.Should().Be(5, "the list below is schema 5's; a new schema updates both together");
        Enum.GetValues<FeatureTemplate>().Select(t => (t.ToString(), (int)t)).Should().Equal(Frozen);
    }

    [Fact]
    public void Flag_counts_are_derived_from_their_enums()
    {
        LexiconFlagsInfo.Count.Should().Be(13, "LexiconFlags defines bits 0 to 12");
        FlagBits.Count<OrthographyFlags>().Should().Be(8, "OrthographyFlags defines bits 0 to 7");
        FlagBits.Count<LexiconFlags>().Should().Be(LexiconFlagsInfo.Count);
    }

    [Fact]
    public void Feature_hashes_are_those_the_shipped_model_was_trained_with()
    {
        // Schema 4's (and 5's) hashes of the bias and of the word "paris": the embedded model, trained before the templates
        // were an enum, holds both keys, so a change to the hashing cannot go unnoticed.
        ulong bias = FeatureHash.Combine(FeatureTemplate.Bias, 0);
        ulong paris = FeatureHash.Combine(FeatureTemplate.Word, FeatureHash.LowerCase("paris"));

        bias.Should().Be(0x0DB00D3D0DB56F2CUL);
        paris.Should().Be(0x071848A23292A3C6UL);
        NerModel.Default.WeightTable.Keys.ToArray().Should().Contain([bias, paris]);
        FeatureHash.Combine(FeatureTemplate.Word, 42).Should().NotBe(FeatureHash.Combine(FeatureTemplate.PreviousWord, 42));
    }
}
