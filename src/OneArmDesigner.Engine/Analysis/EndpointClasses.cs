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
    /// <summary>Per host, its class; classes are numbered in order of their first member, so singletons keep host order.</summary>
    public static (int[] ClassOf, List<List<int>> Members) Find(CompiledNetwork network, AnalysisSettings settings, Device[] hosts, Ipv4Address[] addresses)
    {
        var classOf = new int[hosts.Length];
        var members = new List<List<int>>();
        var candidates = Candidates(network, hosts, addresses);
        var byKey = new Dictionary<CandidateKey, List<int>>();
        for (var host = 0; host < hosts.Length; host++)
        {
            var joined = false;
            if (candidates[host] is { } key)
            {
                if (!byKey.TryGetValue(key, out var classesWithKey))
                {
                    classesWithKey = [];
                    byKey[key] = classesWithKey;
                }

                foreach (var candidate in classesWithKey)
                {
                    var representative = members[candidate][0];
                    if (!settings.EndpointClassesAskEveryDevice || NetworkTreatsAlike(network, hosts[representative].Name, hosts[host].Name, addresses[representative], addresses[host]))
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

    private static bool NetworkTreatsAlike(CompiledNetwork network, string first, string second, Ipv4Address a, Ipv4Address b)
    {
        foreach (var node in network.Nodes)
        {
            if (node.Name == first || node.Name == second || node.Kind.IsSegment())
            {
                continue;
            }

            if (node.Owns(a) || node.Owns(b) || !ReferenceEquals(node.Fib.Lookup(a), node.Fib.Lookup(b)))
            {
                return false;
            }

            if (node.Device.Firewall is { } firewall && !FirewallRules.TreatAlike(firewall, a, b))
            {
                return false;
            }
        }

        return true;
    }
}
