using System.Text;
using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Tests.Pseudonymization;

/// <summary>Reading maps users keep and pass around: anything that is not a map of this version is refused with the reason.</summary>
public class PseudonymMapFileTests
{
    private const string Valid = """
        {"format":"EntityExtraction.PseudonymMap","version":1,"keyFingerprint":"none","counters":{"PER":1,"ORG":0,"LOC":0},
         "identities":[{"id":"PER_1","type":"PER","operator":"Tag","key":"Tag|PER|dupont|jean","surname":"dupont","given":"jean","initial":"j",
           "bare":true,"nextVariant":2,"forms":[{"original":"Jean Dupont","pseudonym":"[PER_1]"}]}]}
        """;

    private static PseudonymMap Load(byte[] bytes) => PseudonymMap.Load(new MemoryStream(bytes));

    [Fact]
    public void A_valid_map_loads_saves_and_loads_again_to_the_same_json()
    {
        var map = PseudonymMap.FromJson(Valid);

        map.Restore("Selon [PER_1].").Should().Be("Selon Jean Dupont.");
        PseudonymMap.FromJson(map.ToJson()).ToJson().Should().Be(map.ToJson());
    }

    [Theory]
    [InlineData("{", "*not valid JSON*")]
    [InlineData("[]", "This is not a pseudonym map*")]
    [InlineData("""{"format":"EntityExtraction.PseudonymMap","version":2,"identities":[]}""", "*has version 2; this library reads version 1.")]
    [InlineData("""{"format":"EntityExtraction.PseudonymMap","version":1}""", "*the map has no \"identities\"*")]
    [InlineData("""{"format":"EntityExtraction.PseudonymMap","version":1,"identities":[42]}""", "*identity 0 has no \"id\"*")]
    [InlineData("""{"format":"EntityExtraction.PseudonymMap","version":1,"identities":[{"id":"PER_1","type":"CITY","operator":"Tag","key":"k","forms":[]}]}""", "*identity 0 (PER_1) has an unknown type*")]
    [InlineData("""{"format":"EntityExtraction.PseudonymMap","version":1,"identities":[{"id":"PER_1","type":"PER","operator":"Tag","key":"k","forms":[{"original":"A","pseudonym":"[PER_1]"},{"original":"B","pseudonym":"[PER_1]"}]}]}""", "*repeats the pseudonym '[PER_1]'*")]
    public void Anything_else_is_refused_with_the_reason(string json, string message)
    {
        var act = () => PseudonymMap.FromJson(json);

        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_is_refused_as_data_not_as_a_crash()
    {
        // Found by the pseudonym-map fuzzer: System.Text.Json checks a string's UTF-8 only when it is read.
        byte[] bytes = Encoding.UTF8.GetBytes(Valid.Replace("Jean Dupont", "Jean Dupon\u00e9", StringComparison.Ordinal));
        int at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0x82;

        var act = () => Load(bytes);

        act.Should().Throw<InvalidDataException>().WithMessage("The pseudonym map holds text that is not valid UTF-8*");
    }

    [Fact]
    public void Counters_and_variants_of_the_wrong_kind_fall_back_to_their_defaults()
    {
        var map = PseudonymMap.FromJson(Valid.Replace("\"PER\":1", "\"PER\":\"x\"", StringComparison.Ordinal).Replace("\"nextVariant\":2", "\"nextVariant\":true", StringComparison.Ordinal));

        map.Entries.Should().ContainSingle().Which.Identifier.Should().Be("PER_1");
    }
}
