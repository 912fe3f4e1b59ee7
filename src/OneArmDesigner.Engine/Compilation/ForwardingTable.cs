using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Engine.Compilation;

/// <summary>
/// Longest-prefix match: one hashed look-up per prefix length in use, from the longest down, so a concentrator with
/// thousands of VPN routes answers in a handful of look-ups. The first route added for a prefix wins, and routes are
/// added connected first, then static, then VPN (administrative distance, in effect).
/// </summary>
/// <remarks>
/// All lengths share one dictionary keyed by length and network: a design compiles a table per device, and most hold
/// three or four routes, for which a dictionary per length (and an array of 33 of them) was most of the table.
/// </remarks>
public sealed class ForwardingTable
{
    private readonly Dictionary<ulong, Route> _routes = [];

    /// <summary>Descending.</summary>
    private int[] _lengthsInUse = [];

    /// <summary>Every route, in the order it was added (a look-up's preference is <see cref="Lookup"/>'s, not this order's).</summary>
    public IReadOnlyCollection<Route> Routes => _routes.Values;

    /// <summary>
    /// The table's prefixes as sorted numbers: two tables with the same prefixes pick the same entry for any address,
    /// whatever their routes do.
    /// </summary>
    internal ulong[] PrefixKeys()
    {
        var keys = _routes.Keys.ToArray();
        Array.Sort(keys);
        return keys;
    }

    public void Add(Route route)
    {
        var length = route.Prefix.Length;
        if (_routes.TryAdd(Key(length, route.Prefix.Address.Value), route) && Array.IndexOf(_lengthsInUse, length) < 0)
        {
            var position = 0;
            while (position < _lengthsInUse.Length && _lengthsInUse[position] > length)
            {
                position++;
            }

            _lengthsInUse = [.. _lengthsInUse.AsSpan(0, position), length, .. _lengthsInUse.AsSpan(position)];
        }
    }

    public Route? Lookup(Ipv4Address destination)
    {
        foreach (var length in _lengthsInUse)
        {
            if (_routes.TryGetValue(Key(length, destination.Value), out var route))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>The prefix of <paramref name="length"/> bits holding the address, as one number.</summary>
    private static ulong Key(int length, uint address) =>
        ((ulong)length << 32) | (length == 0 ? 0u : address & (uint.MaxValue << (32 - length)));
}
