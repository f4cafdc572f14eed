using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EntityExtraction.WebApi.Tests;

/// <summary>The HTML view: <c>GET /</c> and <c>POST /view</c>.</summary>
public sealed class ViewEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static FormUrlEncodedContent Form(string text) => new([new("text", text)]);

    [Fact]
    public async Task The_home_page_is_a_self_contained_form()
    {
        using var response = await _client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'").And.Contain("form-action 'self'");
        string html = await response.Content.ReadAsStringAsync();
        html.Should().StartWith("<!DOCTYPE html>")
            .And.Contain("<form method=\"post\" action=\"view\">")
            .And.Contain("<textarea id=\"text\" name=\"text\"")
            .And.Contain("<button type=\"submit\">")
            .And.NotContain("<script").And.NotContain("<link").And.NotContain("src=").And.NotContain("http://").And.NotContain("https://");
    }

    [Fact]
    public async Task A_posted_text_comes_back_with_its_entities_marked_and_escaped()
    {
        const string text = "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland. <script>alert(1)</script>";

        using var response = await _client.PostAsync("/view", Form(text));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-type=\"ORG\" data-start=\"8\" data-end=\"11\"")
            .And.Contain("data-type=\"PER\" data-start=\"41\" data-end=\"56\"")
            .And.Contain("class=\"ee-entities\"")
            .And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;")
            .And.NotContain("<script");
        html.Should().Contain("<textarea id=\"text\" name=\"text\" rows=\"12\" required>\nMeta et IBM", "the form keeps the text");
    }

    [Fact]
    public async Task An_empty_text_is_400_with_the_form_again()
    {
        using var response = await _client.PostAsync("/view", Form(""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<form").And.Contain("Type or paste a French text.");
    }

    [Fact]
    public async Task Another_media_type_is_415_and_a_10_MB_form_413()
    {
        using var json = await _client.PostAsync("/view", Http.Json(new { text = "IBM" }));
        using var large = await _client.PostAsync("/view", Form(new string('a', 10 * 1024 * 1024)));

        json.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        large.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await large.Content.ReadAsStringAsync()).Should().Contain("limit of 1048576 bytes");
    }
}
