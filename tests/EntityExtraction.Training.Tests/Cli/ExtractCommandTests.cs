using System.Text;
using System.Text.Json;
using EntityExtraction.Cli;

namespace EntityExtraction.Training.Tests.Cli;

public class ExtractCommandTests
{
    [Fact]
    public void Jsonl_output_has_one_line_per_record_with_utf16_offsets_source_and_canonical_name()
    {
        const string text = "Meta et la Nasa, dit Sylvain Rolland.";
        var entities = new[]
        {
            new Entity { Text = "Meta", Type = EntityType.Organization, Start = 0, Length = 4, Source = EntitySource.Model, Confidence = 0.97f },
            new Entity { Text = "Nasa", Type = EntityType.Organization, Start = 11, Length = 4, Source = EntitySource.Gazetteer, Confidence = 0.75f, CanonicalName = "NASA" },
            new Entity { Text = "Sylvain Rolland", Type = EntityType.Person, Start = 21, Length = 15, Source = EntitySource.Model, Confidence = 0.5f },
        };
        using var output = new MemoryStream();

        using (var writer = new ExtractOutputWriter(output, "jsonl"))
        {
            writer.Write("\"doc-1\"", text, entities);
            writer.Write("2", "Rien.", []);
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().Be("""{"id":"doc-1","text":"Meta et la Nasa, dit Sylvain Rolland.","entities":[""" +
            """{"start":0,"end":4,"type":"ORG","text":"Meta","source":"model","confidence":0.97},""" +
            """{"start":11,"end":15,"type":"ORG","text":"Nasa","source":"gazetteer","confidence":0.75,"canonical":"NASA"},""" +
            """{"start":21,"end":36,"type":"PER","text":"Sylvain Rolland","source":"model","confidence":0.5}]}""");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("id").GetInt32().Should().Be(2);
        second.RootElement.GetProperty("entities").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Json_output_streams_each_record_instead_of_holding_the_array_until_the_end()
    {
        using var output = new MemoryStream();
        using var writer = new ExtractOutputWriter(output, "json");

        writer.Write("1", new string('a', 100_000), []);
        long afterFirst = output.Length;
        writer.Write("2", "Rien.", []);

        afterFirst.Should().BeGreaterThan(100_000, "the first record left the writer's memory before the second came");
        writer.Dispose();
        using var document = JsonDocument.Parse(output.ToArray());
        document.RootElement.GetArrayLength().Should().Be(2);
    }

    [Theory]
    [InlineData("""{"id":1}""", "*'text'*")]
    [InlineData("""{"text":"x"}""", "*'id'*")]
    [InlineData("""{"id":true,"text":"x"}""", "*'id' must be a string or a number*")]
    [InlineData("""[1,2]""", "*JSON object*")]
    [InlineData("""{"id":1,"text":"\ud800 Paris"}""", "*lone surrogate*")]
    public void Malformed_records_are_rejected_with_the_reason(string line, string message)
    {
        var act = () => ExtractCommand.ParseRecord(line);

        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Record_ids_keep_their_json_form()
    {
        ExtractCommand.ParseRecord("""{"id":"a\"b","text":"Paris"}""").Should().Be(("\"a\\\"b\"", "Paris"));
        ExtractCommand.ParseRecord("""{"text":"Lyon","id":42}""").Should().Be(("42", "Lyon"));
    }

    [Fact]
    public void Types_option_accepts_codes_in_any_case_and_comma_lists_and_rejects_others()
    {
        ExtractCommand.ParseTypes(["per,LOC", "Org"]).Should().Equal(EntityType.Person, EntityType.Location, EntityType.Organization);
        var act = () => ExtractCommand.ParseTypes(["CITY"]);
        act.Should().Throw<OptionException>().WithMessage("*'CITY'*PER, ORG or LOC*");
    }
}
