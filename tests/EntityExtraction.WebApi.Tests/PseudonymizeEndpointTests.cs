using System.Net;
using System.Text.RegularExpressions;
using EntityExtraction.Pseudonymization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace EntityExtraction.WebApi.Tests;

/// <summary><c>POST /pseudonymize</c> over HTTP, in memory.</summary>
public sealed partial class PseudonymizeEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private const string Letter = "M. Jean Dupont a écrit à Mme Leroy. Dupont attend sa réponse.";

    private readonly HttpClient _client = factory.CreateClient();
    private readonly string _folder = Directory.CreateTempSubdirectory("entity-webapi-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The server with a key file of 32 bytes.</summary>
    private HttpClient ClientWithKey(byte fill)
    {
        string key = Path.Combine(_folder, $"secret-{fill}.key");
        File.WriteAllBytes(key, Enumerable.Repeat(fill, 32).ToArray());
        return factory.WithWebHostBuilder(web => web.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["WebApi:HashKeyFile"] = key }))).CreateClient();
    }

    [GeneratedRegex(@"\[PER_[0-9a-f]{8}\]")]
    private static partial Regex HashedPerson();

    [Fact]
    public async Task Persons_become_tags_and_the_answer_holds_none_of_their_names()
    {
        using var response = await _client.PostAsync("/pseudonymize", Http.Json(new { text = Letter }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        string raw = await response.Content.ReadAsStringAsync();
        raw.Should().NotContainAny("Jean", "Dupont", "Leroy");
        var answer = await response.ReadJsonAsync();
        string text = answer.GetProperty("text").GetString()!;
        text.Should().Be("M. [PER_1] a écrit à Mme [PER_2]. [PER_1.2] attend sa réponse.");
        answer.GetProperty("reversible").GetBoolean().Should().BeTrue();
        answer.TryGetProperty("map", out _).Should().BeFalse("the map holds the names: only on request");
        var replacements = answer.GetProperty("replacements").EnumerateArray().ToList();
        replacements.Select(r => Letter[r.GetProperty("originalStart").GetInt32()..r.GetProperty("originalEnd").GetInt32()])
            .Should().Equal("Jean Dupont", "Leroy", "Dupont");
        replacements.Select(r => text[r.GetProperty("start").GetInt32()..r.GetProperty("end").GetInt32()])
            .Should().Equal("[PER_1]", "[PER_2]", "[PER_1.2]");
        replacements.Select(r => r.GetProperty("identifier").GetString()).Should().Equal("PER_1", "PER_2", "PER_1");
        replacements.Should().OnlyContain(r => r.GetProperty("type").GetString() == "PER" && r.GetProperty("operator").GetString() == "tag");
    }

    [Fact]
    public async Task A_plain_text_body_is_pseudonymised_with_the_defaults()
    {
        using var response = await _client.PostAsync("/pseudonymize", Http.Text(Letter));

        (await response.ReadJsonAsync()).GetProperty("text").GetString().Should().Be("M. [PER_1] a écrit à Mme [PER_2]. [PER_1.2] attend sa réponse.");
    }

    [Fact]
    public async Task The_map_asked_for_restores_the_original_through_the_library()
    {
        using var response = await _client.PostAsync("/pseudonymize", Http.Json(new { text = Letter, @operator = "surrogate", includeMap = true }));

        var answer = await response.ReadJsonAsync();
        string text = answer.GetProperty("text").GetString()!;
        text.Should().NotContainAny("Jean", "Dupont", "Leroy");
        var map = PseudonymMap.FromJson(answer.GetProperty("map").GetRawText());
        map.Restore(text).Should().Be(Letter);
    }

    [Fact]
    public async Task Organisations_and_places_are_replaced_when_named()
    {
        const string text = "Jean Dupont, d'IBM, vit à Lyon.";

        using var response = await _client.PostAsync("/pseudonymize", Http.Json(new { text, types = new[] { "PER", "ORG", "LOC" }, @operator = "redact" }));

        var answer = await response.ReadJsonAsync();
        answer.GetProperty("text").GetString().Should().Be("[…], d'[…], vit à […].");
        answer.GetProperty("reversible").GetBoolean().Should().BeFalse();
        answer.GetProperty("replacements").EnumerateArray().Select(r => r.GetProperty("type").GetString()).Should().Equal("PER", "ORG", "LOC");
    }

    [Fact]
    public async Task Mask_keeps_initials()
    {
        using var response = await _client.PostAsync("/pseudonymize", Http.Json(new { text = Letter, @operator = "MASK" }));

        (await response.ReadJsonAsync()).GetProperty("text").GetString().Should().StartWith("M. J*** D***** a écrit");
    }

    [Fact]
    public async Task Hash_without_a_server_key_is_400()
    {
        using var response = await _client.PostAsync("/pseudonymize", Http.Json(new { text = Letter, @operator = "hash" }));

        var problem = await response.ShouldBeProblemAsync(400, "Invalid option");
        problem.GetProperty("detail").GetString().Should().Contain("WebApi:HashKeyFile");
    }

    [Fact]
    public async Task A_key_in_the_request_is_not_read()
    {
        using var response = await _client.PostAsync("/pseudonymize",
            Http.Json(new { text = Letter, @operator = "hash", key = "c2VjcmV0LWtleS1vZi0xNi1ieXRlcw==", hashKey = "0123456789abcdef0123" }));

        await response.ShouldBeProblemAsync(400, "Invalid option");
    }

    [Fact]
    public async Task Hash_with_the_server_key_gives_one_name_one_pseudonym_in_every_request()
    {
        using var client = ClientWithKey(7);

        using var first = await client.PostAsync("/pseudonymize", Http.Json(new { text = "Jean Dupont signe.", @operator = "hash" }));
        using var second = await client.PostAsync("/pseudonymize", Http.Json(new { text = "Hier, Jean Dupont et Paul Martin ont signé.", @operator = "hash" }));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        string one = (await first.ReadJsonAsync()).GetProperty("text").GetString()!;
        string two = (await second.ReadJsonAsync()).GetProperty("text").GetString()!;
        string pseudonym = HashedPerson().Match(one).Value;
        pseudonym.Should().NotBeEmpty(one);
        two.Should().StartWith($"Hier, {pseudonym} et [PER_").And.NotContainAny("Dupont", "Martin");
        using var other = ClientWithKey(8);
        using var third = await other.PostAsync("/pseudonymize", Http.Json(new { text = "Jean Dupont signe.", @operator = "hash" }));
        (await third.ReadJsonAsync()).GetProperty("text").GetString().Should().NotContain(pseudonym, "another key, other pseudonyms");
    }

    [Theory]
    [InlineData("{\"text\": \"Jean Dupont\", \"operator\": \"encrypt\"}", "operator 'encrypt'")]
    [InlineData("{\"text\": \"Jean Dupont\", \"types\": [\"CITY\"]}", "'CITY'")]
    [InlineData("{\"text\": \"Jean Dupont\", \"types\": []}", "Operators is empty")]
    [InlineData("{\"text\": \"Jean Dupont\", \"types\": [\"ORG\"], \"operator\": \"surrogate\"}", "Surrogate replaces persons only")]
    [InlineData("{\"text\": \"Jean Dupont\", \"minimumConfidence\": 2}", "MinimumConfidence must be between 0 and 1")]
    public async Task A_wrong_option_is_400_naming_it(string json, string expected)
    {
        using var response = await _client.PostAsync("/pseudonymize", Http.Json(json));

        var problem = await response.ShouldBeProblemAsync(400, "Invalid option");
        problem.GetProperty("detail").GetString().Should().Contain(expected);
    }

    [Fact]
    public async Task Missing_text_malformed_JSON_and_a_10_MB_body_are_answered_as_by_extract()
    {
        using var missing = await _client.PostAsync("/pseudonymize", Http.Json("{\"operator\": \"tag\"}"));
        using var malformed = await _client.PostAsync("/pseudonymize", Http.Json("{\"text\": "));
        using var large = await _client.PostAsync("/pseudonymize", Http.Bytes(new byte[10 * 1024 * 1024], "application/json"));
        using var xml = await _client.PostAsync("/pseudonymize", Http.Bytes("<text/>"u8.ToArray(), "application/xml"));

        await missing.ShouldBeProblemAsync(400, "Missing text");
        await malformed.ShouldBeProblemAsync(400, "Malformed JSON");
        await large.ShouldBeProblemAsync(413, "Request body too large");
        await xml.ShouldBeProblemAsync(415, "Unsupported media type");
    }
}
