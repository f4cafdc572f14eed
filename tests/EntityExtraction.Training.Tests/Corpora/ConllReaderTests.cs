using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Tests.Corpora;

public class ConllReaderTests
{
    private static List<TaggedSentence> Read(string text) => ConllReader.Read(new StringReader(text), "test.conll");

    private static string[] Names(TaggedSentence s) => s.Labels.Select(l => LabelSet.Standard.Name(l)).ToArray();

    [Fact]
    public void Iob2_is_read_as_is()
    {
        var sentences = Read("Emmanuel\tB-PER\nMacron\tI-PER\nà\tO\nParis\tB-LOC\n\nIBM\tB-ORG\n");
        sentences.Should().HaveCount(2);
        sentences[0].Words.Should().Equal("Emmanuel", "Macron", "à", "Paris");
        Names(sentences[0]).Should().Equal("B-PER", "I-PER", "O", "B-LOC");
        Names(sentences[1]).Should().Equal("B-ORG");
    }

    [Fact]
    public void Iob1_inside_tags_open_entities_and_begin_separates_adjacent_ones()
    {
        // IOB1: I- starts an entity unless it continues one of the same type; B- only between two adjacent entities.
        var sentences = Read("Jean\tI-PER\nDupont\tI-PER\nPierre\tB-PER\nà\tO\nLyon\tI-LOC\nIBM\tI-ORG\n");
        Names(sentences[0]).Should().Equal("B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG");
    }

    [Fact]
    public void Bioes_single_and_end_tags_close_entities()
    {
        var sentences = Read("Jean\tB-PER\nDupont\tE-PER\nMarie\tS-PER\nà\tO\nNew\tB-LOC\nYork\tI-LOC\nCity\tE-LOC\nParis\tS-LOC\n");
        Names(sentences[0]).Should().Equal("B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC", "I-LOC", "B-LOC");
    }

    [Fact]
    public void Misc_becomes_outside_and_does_not_glue_neighbours()
    {
        var sentences = Read("Paris\tB-LOC\nJO\tB-MISC\n2024\tI-MISC\nLyon\tI-LOC\n");
        Names(sentences[0]).Should().Equal("B-LOC", "O", "O", "B-LOC");
    }

    [Fact]
    public void Extra_columns_use_the_last_as_tag_and_docstart_is_skipped()
    {
        var sentences = Read("-DOCSTART-\tO\n\nParis\tNPP\tB-LOC\n");
        sentences.Should().ContainSingle();
        sentences[0].Words.Should().Equal("Paris");
        Names(sentences[0]).Should().Equal("B-LOC");
    }

    [Fact]
    public void A_line_without_tag_is_an_error_naming_the_line()
    {
        var act = () => Read("Paris\tB-LOC\n\nLyon\n");
        act.Should().Throw<FormatException>().WithMessage("test.conll:3:*");
    }

    [Fact]
    public void An_unknown_tag_is_an_error_naming_the_line()
    {
        var act = () => Read("Paris\tB-LOC\nLyon\tX-LOC\n");
        act.Should().Throw<FormatException>().WithMessage("test.conll:2:*X-LOC*");
    }

    [Fact]
    public void Documents_lay_gold_tokens_out_as_text_with_character_spans()
    {
        var sentences = Read("Jean\tB-PER\nDupont\tI-PER\nvit\tO\n\nà\tO\nParis\tB-LOC\n");
        var document = ConllDocuments.Build(sentences, "t").Single();
        document.Text.Should().Be("Jean Dupont vit\nà Paris");
        document.GoldTokens!.Select(t => t.SentenceIndex).Should().Equal(0, 0, 0, 1, 1);
        document.GoldTokens![4].GetText(document.Text).Should().Be("Paris");
        document.Entities.Should().Equal(new EntitySpan(0, 11, EntityType.Person), new EntitySpan(18, 23, EntityType.Location));
    }
}
