using Microsoft.AspNetCore.Mvc.Testing;

namespace EntityExtraction.WebApi.Tests;

/// <summary>
/// The size limit on a real Kestrel server on the loopback (the in-memory server of the other tests has no limit of its
/// own): Kestrel's limit is the endpoints', so a 10 MB body is refused with the same problem details, and so is a
/// body sent without its length that grows past the limit.
/// </summary>
public sealed class KestrelTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new();

    public KestrelTests()
    {
        _factory.UseKestrel(0);   // a free port on the loopback
        _factory.StartServer();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_body_over_the_limit_is_413_on_Kestrel_with_or_without_its_length()
    {
        using var factoryClient = _factory.CreateClient();
        factoryClient.BaseAddress!.IsLoopback.Should().BeTrue();
        // As curl does for a large body: the headers first, the body only once the server says to go on, so that a
        // server that refuses the body from its announced length answers without reading it. The client's wait for
        // that word is 1 s by default, after which it sends anyway: a loaded machine can take longer.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = factoryClient.BaseAddress,
        };
        client.DefaultRequestHeaders.ExpectContinue = true;
        using var fine = await client.PostAsync("/extract", Http.Text(Http.Sentence));
        Http.Entities(await fine.ReadJsonAsync()).Should().Contain(("IBM", "ORG", 8, 11));
        // Without a length the server reads up to its limit, then answers and closes the connection: a client still
        // sending then gets a broken pipe instead of the answer, so this body is just over the limit.
        using var chunked = new StreamContent(new UnknownLengthStream(1024 * 1024 + 16 * 1024, (byte)'a'));
        chunked.Headers.ContentType = new("text/plain");

        using var known = await client.PostAsync("/extract", Http.Bytes(new byte[10 * 1024 * 1024], "text/plain"));
        using var unknown = await client.PostAsync("/extract", chunked);

        await known.ShouldBeProblemAsync(413, "Request body too large");
        await unknown.ShouldBeProblemAsync(413, "Request body too large");
    }
}
