using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EntityExtraction.WebApi.Tests;

/// <summary>Health, the OpenAPI description, and the configuration the server starts with.</summary>
public sealed class ServiceEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private WebApplicationFactory<Program> With(Dictionary<string, string?> settings) =>
        factory.WithWebHostBuilder(web => web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings)));

    [Fact]
    public async Task Health_is_200_when_the_extractor_answers()
    {
        using var response = await factory.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_description_lists_both_operations_with_their_bodies_and_errors()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.ReadJsonAsync();
        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = document.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("/extract", "/pseudonymize");
        foreach (string path in new[] { "/extract", "/pseudonymize" })
        {
            var operation = paths.GetProperty(path).GetProperty("post");
            operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name)
                .Should().BeEquivalentTo("application/json", "text/plain");
            operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo("200", "400", "413", "415");
            operation.GetProperty("description").GetString().Should().Contain("UTF-16");
        }
        var entity = document.GetProperty("components").GetProperty("schemas").GetProperty("EntityResult").GetProperty("properties");
        entity.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("text", "type", "start", "end", "source", "confidence", "canonicalName");
        entity.GetProperty("start").GetProperty("description").GetString().Should().Contain("UTF-16");
    }

    [Fact]
    public async Task The_size_limit_comes_from_configuration()
    {
        using var client = With(new() { ["WebApi:MaxRequestBodyBytes"] = "100" }).CreateClient();

        using var fits = await client.PostAsync("/extract", Http.Text(new string('a', 95) + " IBM."));
        using var over = await client.PostAsync("/extract", Http.Text(new string('a', 96) + " IBM."));

        fits.StatusCode.Should().Be(HttpStatusCode.OK);
        var problem = await over.ShouldBeProblemAsync(413, "Request body too large");
        problem.GetProperty("detail").GetString().Should().Contain("limit of 100 bytes");
    }

    [Fact]
    public async Task The_extractor_is_configured_by_its_section()
    {
        using var client = With(new() { ["EntityExtraction:EntityTypes:0"] = "PER", ["EntityExtraction:EntityTypes:1"] = "" }).CreateClient();

        using var response = await client.PostAsync("/extract", Http.Text(Http.Sentence));

        Http.Entities(await response.ReadJsonAsync()).Select(e => (e.Text, e.Type)).Should().Equal(("Sylvain Rolland", "PER"));
    }

    [Theory]
    [InlineData("WebApi:HashKeyFile", "/nonexistent/secret.key", "WebApi:HashKeyFile '/nonexistent/secret.key' does not exist.")]
    [InlineData("WebApi:MaxRequestBodyBytes", "0", "WebApi:MaxRequestBodyBytes is 0; it must be between 1 and 268435456.")]
    [InlineData("EntityExtraction:MinimumConfidence", "1.5", "*MinimumConfidence*")]
    public void A_wrong_setting_stops_the_server_at_start_naming_it(string key, string value, string message)
    {
        using var wrong = With(new() { [key] = value });

        var start = () => wrong.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainMatch(message);
    }
}
