using Microsoft.Extensions.Options;

namespace EntityExtraction.WebApi;

/// <summary>The sample's own settings: the section <see cref="SectionName"/> of the configuration.</summary>
public sealed class WebApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebApi";

    /// <summary>1 MiB: a long article is 20–60 KB of UTF-8.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The largest request body accepted, in bytes: a larger one is answered 413. Kestrel's own limit is set to it.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>
    /// A file of at least 16 secret bytes (<c>head -c 32 /dev/urandom &gt; secret.key</c>), the key of the <c>hash</c>
    /// operator, which also seeds the draw of surrogates. The key is never taken from a request; without this file
    /// <c>hash</c> is answered 400.
    /// </summary>
    public string? HashKeyFile { get; set; }
}

/// <summary>Checks <see cref="WebApiOptions"/> when the host starts, one message per wrong setting.</summary>
internal sealed class WebApiOptionsValidator : IValidateOptions<WebApiOptions>
{
    /// <summary>Bodies are read into memory: more than this is no longer a request for an interactive API.</summary>
    internal const long MaxAllowedBodyBytes = 256L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, WebApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1 or > MaxAllowedBodyBytes)
            failures.Add($"{WebApiOptions.SectionName}:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}; it must be between 1 and {MaxAllowedBodyBytes}.");
        if (options.HashKeyFile is { Length: > 0 } file)
        {
            if (!File.Exists(file))
                failures.Add($"{WebApiOptions.SectionName}:HashKeyFile '{file}' does not exist.");
            else if (new FileInfo(file).Length < 16)
                failures.Add($"{WebApiOptions.SectionName}:HashKeyFile '{file}' holds {new FileInfo(file).Length} bytes; a key needs at least 16.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The server's pseudonymisation key, read once from <see cref="WebApiOptions.HashKeyFile"/>, or none.</summary>
internal sealed class ServerKey(IOptions<WebApiOptions> options)
{
    private readonly Lazy<byte[]?> _key = new(() => options.Value.HashKeyFile is { Length: > 0 } file ? File.ReadAllBytes(file) : null);

    /// <summary>The key, or null when the server has none.</summary>
    public byte[]? Key => _key.Value;
}
