using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EntityExtraction.WebApi.Tests;

/// <summary><c>POST /extract</c> over HTTP, in memory.</summary>
public sealed class ExtractEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_seed_article_as_plain_text_gives_its_names_with_their_types_and_offsets()
    {
        using var response = await _client.PostAsync("/extract", Http.Text(Http.Article));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var entities = Http.Entities(await response.ReadJsonAsync());
        entities.Select(e => (e.Text, e.Type)).Should().Contain([("IBM", "ORG"), ("Meta", "ORG"), ("Sylvain Rolland", "PER")]);
        entities.Where(e => e.Text == "IBM").Should().HaveCount(3).And.OnlyContain(e => e.Type == "ORG");
        entities.Should().OnlyContain(e => Http.Article.Substring(e.Start, e.End - e.Start) == e.Text, "offsets index the text sent");
    }

    [Fact]
    public async Task Every_field_of_an_entity_is_written()
    {
        using var response = await _client.PostAsync("/extract", Http.Text("La fondation Linux et IBM."));

        var entity = (await response.ReadJsonAsync()).GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("text").GetString() == "fondation Linux");
        entity.GetProperty("type").GetString().Should().Be("ORG");
        entity.GetProperty("start").GetInt32().Should().Be(3);
        entity.GetProperty("end").GetInt32().Should().Be(18);
        entity.GetProperty("source").GetString().Should().BeOneOf("model", "gazetteer");
        entity.GetProperty("confidence").GetSingle().Should().BeInRange(0f, 1f);
        entity.GetProperty("canonicalName").GetString().Should().Be("Linux Foundation");
    }

    [Fact]
    public async Task A_JSON_body_gives_what_the_same_text_as_plain_text_gives()
    {
        using var plain = await _client.PostAsync("/extract", Http.Text(Http.Sentence));
        using var json = await _client.PostAsync("/extract", Http.Json(new { text = Http.Sentence }));

        json.StatusCode.Should().Be(HttpStatusCode.OK);
        Http.Entities(await json.ReadJsonAsync()).Should().Equal(Http.Entities(await plain.ReadJsonAsync()));
        Http.Entities(await json.ReadJsonAsync()).Select(e => (e.Text, e.Type)).Should().Contain(
            [("Meta", "ORG"), ("IBM", "ORG"), ("Sylvain Rolland", "PER")]);
    }

    [Fact]
    public async Task Offsets_count_UTF16_code_units_so_an_emoji_counts_two()
    {
        const string text = "😀 Jean Dupont habite à Lyon.";

        using var response = await _client.PostAsync("/extract", Http.Text(text));

        var lyon = Http.Entities(await response.ReadJsonAsync()).Single(e => e.Text == "Lyon");
        lyon.Start.Should().Be(text.IndexOf("Lyon", StringComparison.Ordinal)).And.Be(24);
        lyon.Type.Should().Be("LOC");
    }

    [Fact]
    public async Task A_leading_byte_order_mark_is_not_part_of_the_text()
    {
        byte[] body = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(Http.Sentence)];

        using var response = await _client.PostAsync("/extract", Http.Bytes(body, "text/plain; charset=utf-8"));

        Http.Entities(await response.ReadJsonAsync()).Should().Contain(("Meta", "ORG", 0, 4));
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        using var response = await _client.PostAsync("/extract", Http.Text(""));

        var problem = await response.ShouldBeProblemAsync(400, "Empty body");
        problem.GetProperty("detail").GetString().Should().Contain("text/plain").And.Contain("application/json");
    }

    [Fact]
    public async Task No_body_at_all_is_400()
    {
        using var response = await _client.PostAsync("/extract", content: null);

        await response.ShouldBeProblemAsync(400, "Empty body");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\": \"\"}")]
    [InlineData("{\"text\": null}")]
    [InlineData("{\"document\": \"Meta et IBM\"}")]
    public async Task A_JSON_object_without_text_is_400(string json)
    {
        using var response = await _client.PostAsync("/extract", Http.Json(json));

        await response.ShouldBeProblemAsync(400, "Missing text");
    }

    [Theory]
    [InlineData("{\"text\": oops}")]
    [InlineData("{\"text\": \"Meta et IBM\"")]
    [InlineData("[\"Meta et IBM\"]")]
    [InlineData("\"Meta et IBM\"")]
    [InlineData("{\"text\": 42}")]
    [InlineData("null")]
    public async Task Malformed_JSON_is_400_saying_what_is_wrong(string json)
    {
        using var response = await _client.PostAsync("/extract", Http.Json(json));

        var problem = await response.ShouldBeProblemAsync(400, "Malformed JSON");
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Malformed_JSON_says_where()
    {
        using var response = await _client.PostAsync("/extract", Http.Json("{\"text\": oops}"));

        var problem = await response.ShouldBeProblemAsync(400, "Malformed JSON");
        problem.GetProperty("detail").GetString().Should().Contain("$.text").And.Contain("BytePositionInLine: 9");
    }

    [Fact]
    public async Task Text_that_is_not_UTF8_is_400()
    {
        using var response = await _client.PostAsync("/extract", Http.Bytes([0x4D, 0xE9, 0x74, 0x61], "text/plain"));   // "Méta" in Latin-1

        await response.ShouldBeProblemAsync(400, "Not UTF-8");
    }

    [Fact]
    public async Task JSON_that_is_not_UTF8_is_400()
    {
        using var response = await _client.PostAsync("/extract", Http.Bytes([.. "{\"text\": \"M"u8, 0xE9, .. "ta\"}"u8], "application/json"));

        var problem = await response.ShouldBeProblemAsync(400, "Malformed JSON");
        problem.GetProperty("detail").GetString().Should().Contain("$.text");
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Another_media_type_or_charset_is_415(string contentType)
    {
        using var response = await _client.PostAsync("/extract", Http.Bytes("Meta et IBM"u8.ToArray(), contentType));

        var problem = await response.ShouldBeProblemAsync(415, "Unsupported media type");
        problem.GetProperty("detail").GetString().Should().Contain(contentType);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_415()
    {
        using var response = await _client.PostAsync("/extract", Http.Bytes("Meta et IBM"u8.ToArray(), null));

        await response.ShouldBeProblemAsync(415, "Unsupported media type");
    }

    [Fact]
    public async Task A_10_MB_body_is_413()
    {
        using var response = await _client.PostAsync("/extract", Http.Bytes(new byte[10 * 1024 * 1024], "text/plain"));

        var problem = await response.ShouldBeProblemAsync(413, "Request body too large");
        problem.GetProperty("detail").GetString().Should().Contain("1048576").And.Contain("WebApi:MaxRequestBodyBytes");
    }

    [Fact]
    public async Task A_10_MB_body_of_unknown_length_is_413_too()
    {
        using var content = new StreamContent(new UnknownLengthStream(10 * 1024 * 1024, (byte)'a'));
        content.Headers.ContentType = new("text/plain");

        using var response = await _client.PostAsync("/extract", content);

        content.Headers.ContentLength.Should().BeNull("the body is sent without a length");
        await response.ShouldBeProblemAsync(413, "Request body too large");
    }

    [Fact]
    public async Task A_GET_is_405()
    {
        using var response = await _client.GetAsync("/extract");

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Thirty_two_requests_at_once_give_what_they_give_one_by_one()
    {
        // Eight documents (the article's paragraphs and the whole article), each sent four times, all at once.
        string[] documents = [.. Http.Article.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length > 40).Take(7).Append(Http.Article)];
        documents.Should().HaveCount(8);
        var alone = new List<string>();
        foreach (string document in documents)
        {
            using var response = await _client.PostAsync("/extract", Http.Text(document));
            alone.Add(await response.Content.ReadAsStringAsync());
        }

        var requests = Enumerable.Range(0, 32).Select(async i =>
        {
            using var response = await _client.PostAsync("/extract", Http.Text(documents[i % documents.Length]));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return (Index: i % documents.Length, Body: await response.Content.ReadAsStringAsync());
        });
        var together = await Task.WhenAll(requests);

        together.Should().OnlyContain(r => r.Body == alone[r.Index]);
        alone.Distinct().Count().Should().BeGreaterThan(4, "the documents have answers of their own");
    }
}
