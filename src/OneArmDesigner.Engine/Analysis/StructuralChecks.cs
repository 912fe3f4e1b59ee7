using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>Checks that read the design itself: addressing, cabling, concentrator settings and routes toward it.</summary>
internal static class StructuralChecks
{
    public static void Run(Design design, CompiledNetwork network, List<Finding> findings)
    {
        DuplicateAddresses(design, findings);
        Unconnected(design, findings);
        GatewaysOutsideSubnet(design, findings);
        PassthroughSettings(design, findings);
        VpnSubnetOverlaps(design, findings);
        ConcentratorRoutes(network, findings);
    }

    private static void DuplicateAddresses(Design design, List<Finding> findings)
    {
        if (!AnyAddressTwice(design))
        {
            return;
        }

        var owners = design.Devices
            .SelectMany(d => d.Interfaces.Where(i => i.Address is not null).Select(i => (Device: d.Name, Interface: i.Name, Address: i.Address!.Value.Address)))
            .GroupBy(x => x.Address);
        foreach (var group in owners.Where(g => g.Count() > 1))
        {
            var where = string.Join(" and ", group.Select(x => $"{x.Device}:{x.Interface}"));
            findings.Add(new Finding("DUPLICATE_ADDRESS", Severity.Error, [.. group.Select(x => x.Device).Distinct()],
                $"{group.Key} is configured on {where}. Neighbours cannot tell which one to send to, so traffic for it goes astray.",
                where, [])
            {
                Interfaces = [.. group.Select(x => $"{x.Device}:{x.Interface}")],
            });
        }
    }

    /// <summary>Whether any address is configured twice: the check's grouping is only worth building when one is.</summary>
    private static bool AnyAddressTwice(Design design)
    {
        var seen = new HashSet<uint>();
        foreach (var device in design.Devices)
        {
            foreach (var face in device.Interfaces)
            {
                if (face.Address is { } address && !seen.Add(address.Address.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Unconnected(Design design, List<Finding> findings)
    {
        var linked = new HashSet<LinkEnd>(2 * design.Links.Count);
        var cabled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in design.Links)
        {
            linked.Add(link.A);
            linked.Add(link.B);
            cabled.Add(link.A.Device);
            cabled.Add(link.B.Device);
        }

        foreach (var device in design.Devices)
        {
            if (!cabled.Contains(device.Name))
            {
                findings.Add(new Finding("UNCONNECTED_DEVICE", Severity.Warning, [device.Name],
                    $"{device.Name} has no cable: nothing can reach it and it reaches nothing.", null, []));
                continue;
            }

            foreach (var face in device.Interfaces)
            {
                if (face.Address is null || linked.Contains(new LinkEnd(device.Name, face.Name)))
                {
                    continue;
                }

                findings.Add(new Finding("UNCONNECTED_INTERFACE", Severity.Info, [device.Name],
                    $"{device.Name}'s interface {face.Name} ({face.Address}) has an address but no cable, so its connected route leads nowhere.",
                    $"{device.Name}:{face.Name}", [])
                {
                    Interfaces = [$"{device.Name}:{face.Name}"],
                });
            }
        }
    }

    private static void GatewaysOutsideSubnet(Design design, List<Finding> findings)
    {
        foreach (var device in design.Devices.Where(d => d.DefaultGateway is not null))
        {
            if (!device.Interfaces.Any(i => i.Address is { } a && a.Contains(device.DefaultGateway!.Value)))
            {
                findings.Add(new Finding("GATEWAY_OUTSIDE_SUBNET", Severity.Error, [device.Name],
                    $"{device.Name}'s default gateway {device.DefaultGateway} is not on any of its subnets, so it cannot send anything off its own subnet.",
                    null, [])
                {
                    Interfaces = [.. device.Interfaces.Select(i => $"{device.Name}:{i.Name}")],
                });
            }
        }
    }

    private static void PassthroughSettings(Design design, List<Finding> findings)
    {
        foreach (var device in design.Devices.Where(d => d.Mx is { Mode: MxMode.Passthrough }))
        {
            var mx = device.Mx!;
            var problems = new List<string>();
            if (mx.Nat)
            {
                problems.Add("NAT is on");
            }

            if (mx.Dhcp)
            {
                problems.Add("DHCP is on");
            }

            var addressed = device.Interfaces.Count(i => i.Address is not null);
            if (addressed > 1)
            {
                problems.Add($"it has {addressed} addressed interfaces");
            }

            if (problems.Count > 0)
            {
                findings.Add(new Finding("PASSTHROUGH_MISCONFIGURED", Severity.Error, [device.Name],
                    $"{device.Name} is a one-armed (passthrough) concentrator, which uses one uplink and does neither NAT nor DHCP, but {string.Join(" and ", problems)}.",
                    null, [])
                {
                    Interfaces = [.. device.Interfaces.Where(i => i.Address is not null && i.Name != mx.Uplink).Select(i => $"{device.Name}:{i.Name}")],
                });
            }
        }
    }

    private static void VpnSubnetOverlaps(Design design, List<Finding> findings)
    {
        var advertised = design.Devices.Where(d => d.Mx is not null)
            .SelectMany(d => d.Mx!.AdvertisedSubnets.Select(s => (Device: d.Name, Subnet: s))).ToList();
        foreach (var (i, j) in OverlappingPairs(advertised.Select(a => a.Subnet).ToList()))
        {
            if (advertised[i].Device != advertised[j].Device)
            {
                findings.Add(new Finding("VPN_SUBNET_OVERLAP", Severity.Error, [advertised[i].Device, advertised[j].Device],
                    $"{advertised[i].Device} advertises {advertised[i].Subnet} and {advertised[j].Device} advertises {advertised[j].Subnet} over AutoVPN; overlapping subnets make VPN routing ambiguous.",
                    null, []));
            }
        }
    }

    /// <summary>
    /// Every (i, j), i &lt; j, whose prefixes overlap, in that order. Sorted by first address, a prefix can only overlap
    /// the ones that start before it ends, so thousands of branch subnets are compared with their neighbours only.
    /// </summary>
    private static List<(int, int)> OverlappingPairs(List<Ipv4Prefix> prefixes)
    {
        var byStart = Enumerable.Range(0, prefixes.Count).OrderBy(i => prefixes[i].Network.Address.Value).ToList();
        var pairs = new List<(int, int)>();
        for (var a = 0; a < byStart.Count; a++)
        {
            var first = prefixes[byStart[a]];
            var end = (ulong)first.Network.Address.Value + (1UL << (32 - first.Length)) - 1;
            for (var b = a + 1; b < byStart.Count && prefixes[byStart[b]].Network.Address.Value <= end; b++)
            {
                pairs.Add((Math.Min(byStart[a], byStart[b]), Math.Max(byStart[a], byStart[b])));
            }
        }

        pairs.Sort();
        return pairs;
    }

    /// <summary>The LAN gateway of a one-armed concentrator must send the remote VPN subnets to it.</summary>
    private static void ConcentratorRoutes(CompiledNetwork network, List<Finding> findings)
    {
        foreach (var node in network.Nodes.Where(n => n.Device.Mx is { Mode: MxMode.Passthrough, UplinkGateway: not null }))
        {
            var mx = node.Device.Mx!;
            var uplinkAddress = node.AddressOf(mx.Uplink);
            var gatewayOwner = network.Nodes.FirstOrDefault(n => n.Owns(mx.UplinkGateway!.Value));
            if (gatewayOwner is null || uplinkAddress is null)
            {
                continue;
            }

            foreach (var peer in mx.VpnPeers.Select(network.Find).OfType<NetworkNode>())
            {
                foreach (var subnet in peer.Device.Mx?.AdvertisedSubnets ?? [])
                {
                    var route = gatewayOwner.Fib.Lookup(subnet.Address);
                    if (route?.NextHop != uplinkAddress)
                    {
                        findings.Add(new Finding("CONCENTRATOR_NOT_ROUTED", Severity.Error, [gatewayOwner.Name, node.Name],
                            $"{gatewayOwner.Name}, the gateway of {node.Name}'s LAN, does not route {subnet} (behind VPN peer {peer.Name}) to the concentrator at {uplinkAddress}, so replies to that site never enter the tunnel.",
                            route is null ? $"{gatewayOwner.Name} has no route to {subnet}" : $"{gatewayOwner.Name} uses {route}",
                            [new FixOption($"add-route-to-concentrator:{gatewayOwner.Name}:{node.Name}", $"Route the remote VPN subnets on {gatewayOwner.Name} to {node.Name}",
                                $"Adds static routes on {gatewayOwner.Name} for every subnet {node.Name}'s peers advertise, via {uplinkAddress}.")]));
                    }
                }
            }
        }
    }
}
