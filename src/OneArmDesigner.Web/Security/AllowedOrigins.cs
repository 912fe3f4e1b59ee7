using OneArmDesigner.Web.Api;
using OneArmDesigner.Web.Hosting;

namespace OneArmDesigner.Web.Security;

/// <summary>
/// Which web origins may open the app's live connections: the Blazor circuit (<c>/_blazor</c>) and every SignalR hub
/// (<c>/hubs/...</c>). WebSockets are not covered by the browser's same-origin rules, so without this check any page
/// a user visits could open a connection to the app in the user's name. A request that names an origin (browsers
/// always do on these paths) must name the app's own: the origin it was addressed to, the configured
/// <c>PublicBaseUrl</c>'s, or one listed in <c>AllowedOrigins</c>. Clients that are not browsers send no Origin and
/// are not affected. Any new hub under /hubs is covered without more code.
/// </summary>
public sealed class AllowedOrigins
{
    public const string Section = "AllowedOrigins";

    /// <summary>Paths whose requests must come from an allowed origin.</summary>
    public static readonly IReadOnlyList<PathString> LiveConnectionPaths = ["/_blazor", "/hubs"];

    private readonly HashSet<string> _configured;

    public AllowedOrigins(IConfiguration configuration)
    {
        _configured = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in configuration.GetSection(Section).Get<string[]>() ?? [])
        {
            _configured.Add(Normalise(origin) ?? throw new InvalidOperationException(
                $"{Section}: '{origin}' is not an origin; write scheme, host and port only, for example https://onearm.example.com"));
        }

        if (configuration[PublicBaseUrl.Setting] is { Length: > 0 } publicBase && Normalise(publicBase) is { } own)
        {
            _configured.Add(own);
        }
    }

    public bool IsAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var request = context.Request;
        var self = $"{request.Scheme}://{request.Host}";
        return Normalise(origin) is { } named && (string.Equals(named, Normalise(self), StringComparison.OrdinalIgnoreCase) || _configured.Contains(named));
    }

    private static string? Normalise(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}

public static class AllowedOriginsMiddleware
{
    /// <summary>Refuses, with 403 problem+json, a live connection (or its negotiation) from another web origin.</summary>
    public static IApplicationBuilder UseAllowedOrigins(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var live = AllowedOrigins.LiveConnectionPaths.Any(p => context.Request.Path.StartsWithSegments(p));
            if (live && !context.RequestServices.GetRequiredService<AllowedOrigins>().IsAllowed(context))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Origin not allowed",
                    $"Connections to {context.Request.Path} are accepted from this app's own pages only (see {AllowedOrigins.Section} in the README).");
                return;
            }

            await next(context);
        });
}
