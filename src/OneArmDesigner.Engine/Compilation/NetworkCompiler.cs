using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Compilation;

/// <summary>Builds the forwarding state of a design: segments from links, then each device's forwarding table.</summary>
public static class NetworkCompiler
{
    public static CompiledNetwork Compile(Design design)
    {
        var nodes = new Dictionary<string, NetworkNode>(design.Devices.Count, StringComparer.Ordinal);
        foreach (var device in design.Devices)
        {
            nodes[device.Name] = new NetworkNode(device);
        }

        var segments = BuildSegments(design, nodes);
        foreach (var node in nodes.Values)
        {
            BuildForwardingTable(node, nodes);
        }

        return new CompiledNetwork(design, nodes, segments);
    }

    private static List<Segment> BuildSegments(Design design, Dictionary<string, NetworkNode> nodes)
    {
        var segments = new List<Segment>();
        foreach (var node in nodes.Values.Where(n => n.Kind.IsSegment()))
        {
            node.OwnSegment = new Segment(segments.Count, node.Name, node.Kind == DeviceKind.Internet) { Owner = node };
            segments.Add(node.OwnSegment);
        }

        for (var i = 0; i < design.Links.Count; i++)
        {
            var link = design.Links[i];
            if (!nodes.TryGetValue(link.A.Device, out var a) || !nodes.TryGetValue(link.B.Device, out var b))
            {
                continue;
            }

            if (a.OwnSegment is { } segmentA && link.B.Interface is { } bInterface)
            {
                Plug(b, bInterface, segmentA, i);
            }
            else if (b.OwnSegment is { } segmentB && link.A.Interface is { } aInterface)
            {
                Plug(a, aInterface, segmentB, i);
            }
            else if (link.A.Interface is { } left && link.B.Interface is { } right)
            {
                var cable = new Segment(segments.Count, null, isInternet: false);
                segments.Add(cable);
                Plug(a, left, cable, i);
                Plug(b, right, cable, i);
            }
        }

        foreach (var node in nodes.Values)
        {
            PublishMappedAddresses(node);
        }

        foreach (var segment in segments)
        {
            segment.BuildCrossings();
        }

        return segments;
    }

    /// <summary>
    /// A firewall receives traffic for its static NAT and port-forward public addresses as for its own. On the outside
    /// interface's subnet it answers ARP for them (proxy ARP), unless the rule says no-proxy-arp; a mapped address on
    /// another subnet reaches it by routes: the Internet is taken to route it to the firewall, as a provider routes an
    /// assigned block, while neighbours on a VLAN need a static route pointing at the firewall.
    /// </summary>
    private static void PublishMappedAddresses(NetworkNode node)
    {
        foreach (var rule in node.Device.Firewall?.Nat ?? [])
        {
            if (rule.Kind == NatKind.Pat || rule.PublicAddress is not { } mapped || node.Owns(mapped))
            {
                continue;
            }

            node.AddMapped(mapped);
            var onSubnet = node.Interface(rule.OutsideInterface)?.Address?.Contains(mapped) == true;
            if (node.TryGetPort(rule.OutsideInterface, out var segment, out var position)
                && ((onSubnet && !rule.NoProxyArp) || (!onSubnet && segment.IsInternet)))
            {
                segment.AnswerFor(mapped, position);
            }
        }
    }

    private static void Plug(NetworkNode node, string interfaceName, Segment segment, int linkIndex)
    {
        var position = segment.Attach(new Attachment(node.Name, interfaceName, node.AddressOf(interfaceName), linkIndex), node);
        node.Plug(interfaceName, segment, position);
    }

    /// <summary>Connected routes first, then static, then VPN, then the default: the first entry for a prefix wins.</summary>
    private static void BuildForwardingTable(NetworkNode node, Dictionary<string, NetworkNode> nodes)
    {
        var device = node.Device;
        if (device.Kind.IsSegment())
        {
            return;
        }

        foreach (var candidate in device.Interfaces)
        {
            if (candidate.Address is { } address)
            {
                node.Fib.Add(new Route(address.Network, RouteKind.Connected, null, candidate.Name));
            }
        }

        foreach (var route in device.Routes)
        {
            var kind = route.Prefix.Length == 0 ? RouteKind.Default : RouteKind.Static;
            node.Fib.Add(new Route(route.Prefix, kind, route.NextHop, node.ConnectedInterfaceFor(route.NextHop)?.Name));
        }

        if (device.Mx is { } mx)
        {
            foreach (var peerName in mx.VpnPeers)
            {
                if (nodes.TryGetValue(peerName, out var peer) && peer.Device.Mx is { } peerMx)
                {
                    foreach (var subnet in peerMx.AdvertisedSubnets)
                    {
                        node.Fib.Add(new Route(subnet, RouteKind.Vpn, null, mx.Uplink, peerName));
                    }
                }
            }

            if (mx.UplinkGateway is { } uplinkGateway)
            {
                node.Fib.Add(new Route(Ipv4Prefix.Default, RouteKind.Default, uplinkGateway, mx.Uplink));
            }
        }

        if (device.DefaultGateway is { } gateway)
        {
            node.Fib.Add(new Route(Ipv4Prefix.Default, RouteKind.Default, gateway, node.ConnectedInterfaceFor(gateway)?.Name));
        }
    }
}
