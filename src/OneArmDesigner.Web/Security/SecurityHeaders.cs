using System.Security.Cryptography;

namespace OneArmDesigner.Web.Security;

/// <summary>
/// The headers every response carries. The content security policy allows only what the app uses: its own scripts
/// (Blazor, MudBlazor, js/app.js, the canvas module) plus the one inline script Blazor writes, the import map, by a
/// nonce made for each response; styles from itself and inline (MudBlazor's theme and components set style
/// attributes, and Blazor's reconnect dialog adds a style element); images from itself, data: and blob: (the canvas
/// export draws icons as data URIs into a blob); and connections to itself only, the circuit's WebSocket included.
/// No page of the app may be framed, no plugin runs, and no form posts elsewhere.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "OneArmDesigner.CspNonce";

    /// <summary>What the app needs from the browser's powerful features: none of them.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()";

    /// <summary>HSTS for a year, once the app is reached over HTTPS (directly, or through a trusted proxy that says so).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>This response's nonce, for the inline script a page must carry (App.razor's import map).</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex: nothing in it that HTML would encode in the attribute or CSP would read as syntax.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
