using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// The addresses a device's forwarding table sends by one route: the route's prefix less the longer prefixes inside
/// it. Asking that of 25 million host pairs is cheaper as a few mask comparisons than as a longest-prefix lookup, so
/// a route with few longer prefixes inside it is checked that way; one with many (a concentrator's default route,
/// under thousands of VPN subnets) falls back to the lookup itself.
/// </summary>
internal sealed class RouteScope
{
    private const int MaxHoles = 16;

    private readonly ForwardingTable _fib;
    private readonly Route? _route;
    private readonly Ipv4Prefix[]? _holes;

    private RouteScope(ForwardingTable fib, Route? route, Ipv4Prefix[]? holes)
    {
        _fib = fib;
        _route = route;
        _holes = holes;
    }

    /// <summary>True when the table's lookup for <paramref name="address"/> returns exactly this route (or no route, like it).</summary>
    public bool Contains(Ipv4Address address)
    {
        if (_holes is null || _route is null)
        {
            return ReferenceEquals(_fib.Lookup(address), _route);
        }

        if (!_route.Prefix.Contains(address))
        {
            return false;
        }

        foreach (var hole in _holes)
        {
            if (hole.Contains(address))
            {
                return false;
            }
        }

        return true;
    }

    public static RouteScope Of(ForwardingTable fib, Route? route)
    {
        if (route is null)
        {
            return new RouteScope(fib, null, null);
        }

        var holes = new List<Ipv4Prefix>();
        foreach (var other in fib.Routes)
        {
            if (other.Prefix.Length > route.Prefix.Length && route.Prefix.Contains(other.Prefix))
            {
                if (holes.Count == MaxHoles)
                {
                    return new RouteScope(fib, route, null);
                }

                holes.Add(other.Prefix);
            }
        }

        return new RouteScope(fib, route, [.. holes]);
    }
}
