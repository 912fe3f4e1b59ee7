using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OneArmDesigner.Web.Hosting;

/// <summary>
/// Where users reach the app, for the absolute links it hands out (a design's edit and view links). It is the
/// configured <c>PublicBaseUrl</c>, or else the first address the app listens on (a wildcard host named
/// <c>localhost</c>); never the request's Host header, which whoever sends the request writes.
/// </summary>
public sealed class PublicBaseUrl
{
    public const string Setting = "PublicBaseUrl";

    private readonly Lazy<string> _value;

    /// <summary>Whether an operator set <c>PublicBaseUrl</c>; otherwise <see cref="Value"/> is the app's own listening address.</summary>
    public bool IsConfigured { get; }

    public PublicBaseUrl(IConfiguration configuration, IServer server)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured) && Parse(configured) is null)
        {
            throw new InvalidOperationException(
                $"{Setting}: '{configured}' is not an absolute http or https address such as https://onearm.example.com");
        }

        IsConfigured = !string.IsNullOrWhiteSpace(configured);

        // Read when first needed: the listening addresses are known only once the server has started.
        _value = new Lazy<string>(() => string.IsNullOrWhiteSpace(configured) ? FromServer(server) : Parse(configured)!);
    }

    /// <summary>For example <c>https://onearm.example.com</c> or <c>https://example.com/onearm</c>, without a trailing slash.</summary>
    public string Value => _value.Value;

    public string Link(string relativePath) => Value + relativePath;

    private static string? Parse(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
            && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    private static string FromServer(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? AppHosting.DefaultUrl;
        var wildcard = System.Text.RegularExpressions.Regex.Replace(address, @"^(https?://)(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "$1localhost");
        return Parse(wildcard) ?? AppHosting.DefaultUrl;
    }
}
