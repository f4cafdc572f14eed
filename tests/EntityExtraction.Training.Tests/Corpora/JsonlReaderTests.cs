using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Tests.Corpora;

public class JsonlReaderTests
{
    private static List<AnnotatedDocument> Read(string text) => JsonlReader.Read(new StringReader(text), "test.jsonl");

    [Fact]
    public void Reads_text_and_entities_with_utf16_offsets_dropping_misc()
    {
        var documents = Read("""
            {"id": "a", "text": "Zoé Dupont 👋 visite Lyon.", "entities": [{"start": 0, "end": 10, "type": "PER"}, {"start": 21, "end": 25, "type": "LOC"}, {"start": 11, "end": 13, "type": "MISC"}]}

            {"id": 7, "text": "Rien.", "entities": []}
            """);
        documents.Should().HaveCount(2);
        documents[0].Id.Should().Be("a");
        documents[0].GoldTokens.Should().BeNull();
        documents[0].Entities.Should().Equal(new EntitySpan(0, 10, EntityType.Person), new EntitySpan(21, 25, EntityType.Location));
        documents[0].Text[21..25].Should().Be("Lyon");
        documents[1].Id.Should().Be("7");
        documents[1].Entities.Should().BeEmpty();
    }

    [Fact]
    public void A_malformed_line_is_an_error_naming_its_number()
    {
        var act = () => Read("{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2, \"text\": \"b\"}\n{\"id\": 3, \"text\": \n");
        act.Should().Throw<FormatException>().WithMessage("test.jsonl:3:*");
    }

    [Fact]
    public void An_entity_outside_the_text_is_an_error_naming_the_line()
    {
        var act = () => Read("{\"id\": 1, \"text\": \"Paris\", \"entities\": [{\"start\": 0, \"end\": 9, \"type\": \"LOC\"}]}\n");
        act.Should().Throw<FormatException>().WithMessage("test.jsonl:1:*outside the text*");
    }

    [Fact]
    public void A_record_without_text_is_an_error()
    {
        var act = () => Read("{\"id\": 1}\n");
        act.Should().Throw<FormatException>().WithMessage("test.jsonl:1:*'text'*");
    }
}
