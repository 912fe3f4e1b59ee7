using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneArmDesigner.Web.Security;

/// <summary>
/// Who a request comes from, for per-client limits: its remote address, or, only when the connection comes from a
/// configured trusted proxy (<c>ForwardedHeaders:TrustedProxies</c>), the client address that proxy put in
/// X-Forwarded-For. Anyone can write that header, so without a trusted proxy it is ignored.
/// </summary>
public static class ClientAddress
{
    public const string TrustedProxiesSetting = "ForwardedHeaders:TrustedProxies";

    /// <summary>
    /// The partition a client's requests are counted in: its IPv4 address, or its IPv6 /64 (one subscriber usually
    /// holds a whole /64, and could otherwise take a fresh address for every request).
    /// </summary>
    public static string Key(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Reads X-Forwarded-For and X-Forwarded-Proto from the trusted proxies, if any are configured.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var trusted = configuration.GetSection(TrustedProxiesSetting).Get<string[]>() ?? [];
        if (trusted.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,

            // Walk X-Forwarded-For from the right while each hop is a trusted proxy; the first other address is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in trusted)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network) && entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var proxy))
            {
                options.KnownProxies.Add(proxy);
            }
            else
            {
                throw new InvalidOperationException($"{TrustedProxiesSetting}: '{entry}' is not an IP address or a network such as 10.0.0.0/8");
            }
        }

        return app.UseForwardedHeaders(options);
    }
}
