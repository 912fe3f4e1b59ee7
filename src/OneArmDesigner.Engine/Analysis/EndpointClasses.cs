using System.Runtime.InteropServices;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Groups hosts that the network cannot tell apart: swapping two of them (names and addresses) maps every trace onto
/// another valid trace, so one member's row and column of the matrix give every member's, with the names swapped.
/// </summary>
/// <remarks>
/// Members share a segment, a subnet, a gateway, static routes, listening ports and initial TTL, and have one interface and no
/// other role. Every other device must treat their addresses alike: the same route in its forwarding table, and
/// every access-list, NAT and tcp-state-bypass rule matching both addresses or neither. No device may use a member's
/// address as a next hop, own it besides the member, or hold it as a VPN endpoint. Anything else keeps a host in a
/// class of its own, where it is simply traced.
/// </remarks>
internal static class EndpointClasses
{
    /// <summary>
    /// Per host, its class; classes are numbered in order of their first member, so singletons keep host order. Asks
    /// <paramref name="keepGoing"/> now and then: once it says no, every host left gets a class of its own.
    /// </summary>
    public static (int[] ClassOf, List<List<int>> Members) Find(CompiledNetwork network, AnalysisSettings settings, Device[] hosts, Ipv4Address[] addresses,
        Func<bool> keepGoing)
    {
        var classOf = new int[hosts.Length];
        var members = new List<List<int>>();
        var candidates = Candidates(network, hosts, addresses);
        var byKey = new Dictionary<CandidateKey, List<int>>();
        Deciders? deciders = null;
        var going = true;
        for (var host = 0; host < hosts.Length; host++)
        {
            var joined = false;
            going = going && (host % 64 != 63 || keepGoing());
            if (going && candidates[host] is { } key)
            {
                if (!byKey.TryGetValue(key, out var classesWithKey))
                {
                    classesWithKey = [];
                    byKey[key] = classesWithKey;
                }

                // Hosts alike in every way but one device's rules would each try every class before: a design of thousands of
                // hosts that an access list names one by one cost classes × devices per host. A host that joins none of the
                // first few stays in a class of its own, which is always correct.
                foreach (var candidate in classesWithKey.Take(ClassesTriedPerHost))
                {
                    var representative = members[candidate][0];
                    if (!settings.EndpointClassesAskEveryDevice || (deciders ??= new Deciders(network)).TreatAlike(hosts[representative].Name, hosts[host].Name, addresses[representative], addresses[host]))
                    {
                        classOf[host] = candidate;
                        members[candidate].Add(host);
                        joined = true;
                        break;
                    }
                }

                if (!joined)
                {
                    classesWithKey.Add(members.Count);
                }
            }

            if (!joined)
            {
                classOf[host] = members.Count;
                members.Add([host]);
            }
        }

        return (classOf, members);
    }

    /// <summary>What a classmate must share with a host: its place, its subnet and everything it is configured with.</summary>
    private readonly record struct CandidateKey(DeviceKind Kind, int Segment, Ipv4Prefix Subnet, bool IsPrivate, Ipv4Address? Gateway,
        string Routes, string TcpPorts, string UdpPorts, int? InitialTtl);

    /// <summary>Per host, what a classmate must share with it, or null when it cannot have classmates.</summary>
    private static CandidateKey?[] Candidates(CompiledNetwork network, Device[] hosts, Ipv4Address[] addresses)
    {
        var owners = new Dictionary<uint, int>();
        var nextHops = new HashSet<uint>();
        foreach (var device in network.Design.Devices)
        {
            foreach (var face in device.Interfaces)
            {
                if (face.Address is { } address)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(owners, address.Address.Value, out _)++;
                }
            }

            foreach (var route in device.Routes)
            {
                nextHops.Add(route.NextHop.Value);
            }

            nextHops.Add((device.DefaultGateway ?? default).Value);
            nextHops.Add((device.Mx?.UplinkGateway ?? default).Value);
        }

        var namesakes = new Dictionary<string, int>(hosts.Length, StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(namesakes, host.Name, out _)++;
        }

        var keys = new CandidateKey?[hosts.Length];
        for (var i = 0; i < hosts.Length; i++)
        {
            var host = hosts[i];
            var address = addresses[i];
            if (host is not { Interfaces.Count: 1, Firewall: null, Mx: null, Vlan: null } || namesakes[host.Name] != 1
                || owners.GetValueOrDefault(address.Value) != 1 || nextHops.Contains(address.Value) || network.VpnEndpointAt(address) is not null
                || network.Get(host.Name).SegmentOf(host.Interfaces[0].Name) is not { } segment)
            {
                continue;
            }

            keys[i] = new CandidateKey(host.Kind, segment.Id, host.Interfaces[0].Address!.Value.Network, address.IsPrivate, host.DefaultGateway,
                string.Join(",", host.Routes), string.Join(",", host.Host?.TcpPorts ?? []), string.Join(",", host.Host?.UdpPorts ?? []),
                host.Host?.InitialTtl);
        }

        return keys;
    }

    private const int ClassesTriedPerHost = 16;

    /// <summary>
    /// The devices that must treat two classmates' addresses alike. Firewalls are asked one by one (access lists, NAT,
    /// tcp-state-bypass); every other device decides by its routes alone, so devices whose forwarding tables hold the same
    /// prefixes pick the same route for both addresses or for neither, and one of them answers for all: in a LAN of
    /// thousands of hosts, their thousands of identical tables are one question, not one each.
    /// </summary>
    /// <remarks>
    /// Only the firewalls are asked whether they own an address: a candidate's address is owned by the candidate alone
    /// (see <see cref="Candidates"/>), and the pair's own two hosts are never asked.
    /// </remarks>
    private sealed class Deciders
    {
        private readonly List<NetworkNode> _firewalls = [];

        // Up to three devices per set of prefixes: one of them is neither host of the pair asked about.
        private readonly List<List<NetworkNode>> _byPrefixes;

        public Deciders(CompiledNetwork network)
        {
            var groups = new Dictionary<ulong[], List<NetworkNode>>(PrefixSetComparer.Instance);
            foreach (var node in network.Nodes)
            {
                if (node.Kind.IsSegment())
                {
                    continue;
                }

                if (node.Device.Firewall is not null)
                {
                    _firewalls.Add(node);
                    continue;
                }

                var prefixes = node.Fib.PrefixKeys();
                if (!groups.TryGetValue(prefixes, out var group))
                {
                    groups[prefixes] = group = [];
                }

                if (group.Count < 3)
                {
                    group.Add(node);
                }
            }

            _byPrefixes = [.. groups.Values];
        }

        public bool TreatAlike(string first, string second, Ipv4Address a, Ipv4Address b)
        {
            foreach (var node in _firewalls)
            {
                if (node.Name != first && node.Name != second
                    && (node.Owns(a) || node.Owns(b) || !ReferenceEquals(node.Fib.Lookup(a), node.Fib.Lookup(b))
                        || !FirewallRules.TreatAlike(node.Device.Firewall!, a, b)))
                {
                    return false;
                }
            }

            foreach (var group in _byPrefixes)
            {
                var node = group.Find(n => n.Name != first && n.Name != second);
                if (node is not null && !ReferenceEquals(node.Fib.Lookup(a), node.Fib.Lookup(b)))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class PrefixSetComparer : IEqualityComparer<ulong[]>
        {
            public static PrefixSetComparer Instance { get; } = new();

            public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

            public int GetHashCode(ulong[] keys)
            {
                var hash = default(HashCode);
                hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(keys.AsSpan()));
                return hash.ToHashCode();
            }
        }
    }
}
