using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Engine.Compilation;

/// <summary>
/// Longest-prefix match: one dictionary per prefix length, searched from /32 down over the lengths in use, so a
/// concentrator with thousands of VPN routes answers in a handful of lookups. The first route added for a prefix
/// wins, and routes are added connected first, then static, then VPN (administrative distance, in effect).
/// </summary>
public sealed class ForwardingTable
{
    private readonly Dictionary<uint, Route>?[] _byLength = new Dictionary<uint, Route>?[33];
    private int[] _lengthsInUse = [];

    public IEnumerable<Route> Routes => _byLength.Reverse().Where(d => d is not null).SelectMany(d => d!.Values);

    public void Add(Route route)
    {
        var length = route.Prefix.Length;
        var bucket = _byLength[length] ??= [];
        if (bucket.TryAdd(route.Prefix.Address.Value & route.Prefix.Mask, route) && Array.IndexOf(_lengthsInUse, length) < 0)
        {
            _lengthsInUse = [.. _lengthsInUse.Append(length).OrderDescending()];
        }
    }

    public Route? Lookup(Ipv4Address destination)
    {
        foreach (var length in _lengthsInUse)
        {
            var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
            if (_byLength[length]!.TryGetValue(destination.Value & mask, out var route))
            {
                return route;
            }
        }

        return null;
    }
}
