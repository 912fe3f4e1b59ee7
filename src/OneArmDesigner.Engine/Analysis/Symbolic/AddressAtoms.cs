using System.Runtime.InteropServices;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>Which side of a header an address is read in: routing, ownership and neighbours look at destinations only.</summary>
internal enum AddressRole : byte
{
    Source,
    Destination,
}

/// <summary>
/// How one device can tell addresses apart in one role: every decision it takes on an address in that role (route,
/// ownership, neighbour on an attached segment, access-list, NAT and tcp-state-bypass matches, private or public) is
/// the same for all addresses of one atom. <see cref="Classify"/> names the atom of an address and how far above it
/// the same atom certainly runs, so a sorted list of hosts is split into atoms with a few look-ups, not one per host.
/// </summary>
/// <remarks>
/// The boundaries come from everything in the device's configuration and its segments that an address could be
/// compared with; between two boundaries nothing the device reads can differ. Atoms are then named by the decisions
/// themselves, so the two sides of a default route around a more specific one are one atom.
/// </remarks>
internal sealed class AddressAtoms
{
    private static readonly ulong[] PrivateBoundaries = Boundaries([Ipv4Prefix.Parse("10.0.0.0/8"), Ipv4Prefix.Parse("172.16.0.0/12"), Ipv4Prefix.Parse("192.168.0.0/16")], []);

    private readonly NetworkNode _node;
    private readonly AddressRole _role;
    private readonly ulong[][] _boundaries;
    private readonly Dictionary<Signature, int> _ids = [];
    private readonly Dictionary<ulong, int> _stretches = [];
    private readonly Segment[] _segments;
    private readonly Dictionary<(RouteKind, Ipv4Address?, string?, string?), int> _routeIds = [];

    private AddressAtoms(NetworkNode node, AddressRole role, ulong[][] boundaries, Segment[] segments)
    {
        _node = node;
        _role = role;
        _boundaries = boundaries;
        _segments = segments;
    }

    /// <summary>True when the device reads nothing of an address in this role: all addresses are one atom.</summary>
    public bool IsUniform => _boundaries.Length == 0;

    public static AddressAtoms For(NetworkNode node, AddressRole role, SegmentAddresses segments)
    {
        var device = node.Device;
        var sources = new List<ulong[]>();
        var attached = new List<Segment>();
        if (role == AddressRole.Destination)
        {
            if (node.Kind == DeviceKind.Internet)
            {
                sources.Add(segments.Of(node.OwnSegment!));
                attached.Add(node.OwnSegment!);
                sources.Add(PrivateBoundaries);
            }
            else if (!node.Kind.IsSegment())
            {
                // Built for every device a class crosses (a thousand branch MX units): loops, not LINQ.
                var routes = new List<Ipv4Prefix>(node.Fib.Routes.Count);
                foreach (var route in node.Fib.Routes)
                {
                    routes.Add(route.Prefix);
                }

                var owned = new List<Ipv4Address>(device.Interfaces.Count);
                foreach (var face in device.Interfaces)
                {
                    if (face.Address is { } address)
                    {
                        owned.Add(address.Address);
                    }

                    if (node.SegmentOf(face.Name) is { } segment && !attached.Contains(segment))
                    {
                        attached.Add(segment);
                    }
                }

                sources.Add(Boundaries(routes, owned));
                foreach (var segment in attached)
                {
                    sources.Add(segments.Of(segment));
                }

                sources.Add(PrivateBoundaries);
                if (device.Firewall is { } firewall)
                {
                    sources.Add(Boundaries(
                        firewall.Acl.Select(r => r.Destination).Concat(firewall.TcpStateBypass.SelectMany(s => new[] { s.Source, s.Destination })),
                        firewall.Nat.Select(r => PublicAddress(node, r)).OfType<Ipv4Address>()));
                }
            }
        }
        else if (device.Firewall is { } firewall)
        {
            sources.Add(Boundaries(
                firewall.Acl.Select(r => r.Source).Concat(firewall.TcpStateBypass.SelectMany(s => new[] { s.Source, s.Destination }))
                    .Concat(firewall.Nat.Select(r => r.InsideNetwork).OfType<Ipv4Prefix>()),
                firewall.Nat.Select(r => r.PrivateAddress).OfType<Ipv4Address>()));
        }
        else if (device.Mx is { Mode: MxMode.Routed, Nat: true })
        {
            sources.Add(PrivateBoundaries);
        }

        return new AddressAtoms(node, role, [.. sources], [.. attached]);
    }

    /// <summary>The atom of <paramref name="address"/>, and the first address above it that may be in another atom.</summary>
    public (int Atom, ulong End) Classify(uint address)
    {
        if (IsUniform)
        {
            return (0, 1UL << 32);
        }

        // Classes at one device ask about the same few hosts again and again: the last stretch answers most of them.
        if (address >= _lastStart && address < _lastEnd)
        {
            return (_lastAtom, _lastEnd);
        }

        var (start, end) = (0UL, 1UL << 32);
        foreach (var boundaries in _boundaries)
        {
            // The boundaries around the address bound the stretch where this source's predicates hold still.
            var i = CountAtOrBelow(boundaries, address);
            if (i < boundaries.Length && boundaries[i] < end)
            {
                end = boundaries[i];
            }

            if (i > 0 && boundaries[i - 1] > start)
            {
                start = boundaries[i - 1];
            }
        }

        // Every address of [start, end) is in the same atom: the stretch is worked out once.
        if (!_stretches.TryGetValue(start, out var id))
        {
            var signature = SignatureOf(new Ipv4Address(address));
            if (!_ids.TryGetValue(signature, out id))
            {
                id = _ids.Count;
                _ids[signature] = id;
            }

            _stretches[start] = id;
        }

        (_lastStart, _lastEnd, _lastAtom) = (start, end, id);
        return (id, end);
    }

    private ulong _lastStart = 1;
    private ulong _lastEnd;
    private int _lastAtom;

    /// <summary>How many of the sorted, distinct <paramref name="boundaries"/> are at or below <paramref name="address"/>.</summary>
    // Written out: the generic Array.BinarySearch goes through a comparer, and this runs at every step of every class.
    private static int CountAtOrBelow(ulong[] boundaries, ulong address)
    {
        var (low, high) = (0, boundaries.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (boundaries[middle] <= address)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private Signature SignatureOf(Ipv4Address address)
    {
        var facts = new List<int>(8);
        if (_role == AddressRole.Destination)
        {
            if (_node.Kind != DeviceKind.Internet)
            {
                var route = _node.Fib.Lookup(address);
                facts.Add(route is null ? -1 : RouteId(route));
                facts.Add(_node.Owns(address) ? 1 : 0);
            }

            foreach (var segment in _segments)
            {
                facts.Add(segment.TryResolve(address, out var position) ? position : -1);
            }

            facts.Add(address.IsPrivate ? 1 : 0);
        }
        else if (_node.Device.Mx is not null)
        {
            facts.Add(address.IsPrivate ? 1 : 0);
        }

        if (_node.Device.Firewall is { } firewall)
        {
            var bits = new List<bool>();
            foreach (var rule in firewall.Acl)
            {
                bits.Add((_role == AddressRole.Source ? rule.Source : rule.Destination).Contains(address));
            }

            foreach (var selector in firewall.TcpStateBypass)
            {
                bits.Add(selector.Source.Contains(address));
                bits.Add(selector.Destination.Contains(address));
            }

            foreach (var rule in firewall.Nat)
            {
                bits.Add(_role == AddressRole.Source
                    ? rule.PrivateAddress == address || (rule.InsideNetwork is { } inside && inside.Contains(address))
                    : PublicAddress(_node, rule) == address);
            }

            for (var i = 0; i < bits.Count; i += 31)
            {
                var word = 0;
                for (var j = i; j < Math.Min(bits.Count, i + 31); j++)
                {
                    word |= bits[j] ? 1 << (j - i) : 0;
                }

                facts.Add(word);
            }
        }

        return new Signature([.. facts]);
    }

    /// <summary>
    /// What a route makes the device do: where it sends the packet (next hop, interface, VPN peer) and whether it
    /// tunnels. Routes alike in that are one atom, so a concentrator's many subnets of one peer do not split the pairs.
    /// </summary>
    private int RouteId(Route route)
    {
        var behaviour = (route.Kind == RouteKind.Vpn ? RouteKind.Vpn : RouteKind.Static, route.NextHop, route.Interface, route.VpnPeer);
        if (!_routeIds.TryGetValue(behaviour, out var id))
        {
            id = _routeIds.Count;
            _routeIds[behaviour] = id;
        }

        return id;
    }

    /// <summary>The public address a NAT rule answers for, as the walker reads it (PAT: the outside interface's).</summary>
    private static Ipv4Address? PublicAddress(NetworkNode node, NatRule rule) =>
        rule.Kind == NatKind.Pat ? node.AddressOf(rule.OutsideInterface) : rule.PublicAddress ?? node.AddressOf(rule.OutsideInterface);

    /// <summary>Sorted points where membership of any of the prefixes or equality with any of the addresses may change.</summary>
    internal static ulong[] Boundaries(IEnumerable<Ipv4Prefix> prefixes, IEnumerable<Ipv4Address> addresses)
    {
        // A concentrator can hold a route per branch: sorting one flat array is several times cheaper than a sorted set.
        var points = new List<ulong>();
        foreach (var prefix in prefixes)
        {
            var start = (ulong)(prefix.Address.Value & prefix.Mask);
            points.Add(start);
            points.Add(start + (1UL << (32 - prefix.Length)));
        }

        foreach (var address in addresses)
        {
            points.Add(address.Value);
            points.Add(address.Value + 1UL);
        }

        var span = CollectionsMarshal.AsSpan(points);
        span.Sort();
        var count = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (count == 0 || span[count - 1] != span[i])
            {
                span[count++] = span[i];
            }
        }

        return span[..count].ToArray();
    }

    private readonly struct Signature(int[] facts) : IEquatable<Signature>
    {
        private readonly int[] _facts = facts;

        public bool Equals(Signature other) => _facts.AsSpan().SequenceEqual(other._facts);

        public override bool Equals(object? obj) => obj is Signature other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var fact in _facts)
            {
                hash.Add(fact);
            }

            return hash.ToHashCode();
        }
    }
}

/// <summary>The addresses owned on each segment, as atom boundaries, built once per segment and shared by its members.</summary>
internal sealed class SegmentAddresses
{
    // By segment id (the compiler numbers segments from 0): a thousand branch LANs make a thousand entries.
    private readonly List<ulong[]?> _bySegment = [];

    public ulong[] Of(Segment segment)
    {
        while (_bySegment.Count <= segment.Id)
        {
            _bySegment.Add(null);
        }

        return _bySegment[segment.Id] ??= AddressAtoms.Boundaries([], segment.AnsweredAddresses);
    }
}
