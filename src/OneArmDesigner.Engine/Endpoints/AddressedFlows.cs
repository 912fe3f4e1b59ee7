using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Endpoints;

/// <summary>
/// A flow whose ends may be IPv4 addresses instead of device names, and the design it runs on: the given design, or
/// a copy with a host placed at each address that no host owned yet.
/// </summary>
public sealed record AddressedFlow(Design Design, Flow? Flow, IReadOnlyList<string> Problems, IReadOnlyList<string> PlacedHosts)
{
    public bool Succeeded => Flow is not null;
}

/// <summary>
/// Resolves "simulate by address": each end of a flow is a device name, or an IPv4 address inside a modelled subnet.
/// An address a host owns is that host; a free address in a segment's subnet gets a host placed there, with the
/// segment's gateway (its other hosts', else a firewall's, router's or routed MX's interface there; on the Internet,
/// the provider a default route points at). An address names a host that answers on the port asked for, so the
/// destination listens on it for this trace. Pure: the original design is never changed.
/// </summary>
public static class AddressedFlows
{
    public static AddressedFlow Resolve(Design design, string from, string to, Protocol protocol = Protocol.Tcp, int port = 3389, int sourcePort = Flow.DefaultSourcePort)
    {
        var problems = new List<string>();
        var placed = new List<string>();
        var working = design;
        var fromName = Endpoint(ref working, from, "from", null, problems, placed);
        var toName = Endpoint(ref working, to, "to", protocol is Protocol.Tcp or Protocol.Udp ? (protocol, port) : null, problems, placed);
        return problems.Count > 0 || fromName is null || toName is null
            ? new AddressedFlow(design, null, problems, [])
            : new AddressedFlow(working, new Flow(fromName, toName, protocol, port, sourcePort), [], placed);
    }

    /// <summary>Whether the text is meant as an address (digits and dots), valid or not.</summary>
    public static bool LooksLikeAddress(string text) => text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == '.') && text.Contains('.');

    private static string? Endpoint(ref Design design, string text, string field, (Protocol Protocol, int Port)? listen, List<string> problems, List<string> placed)
    {
        if (design.FindDevice(text) is not null || !LooksLikeAddress(text))
        {
            return text;
        }

        if (!Ipv4Address.TryParse(text, out var address))
        {
            problems.Add($"{field}: '{text}' is not an IPv4 address");
            return null;
        }

        if (design.Devices.FirstOrDefault(d => d.Owns(address)) is { } owner)
        {
            if (!owner.Kind.IsEndpoint())
            {
                var item = owner.Interfaces.First(i => i.Address?.Address == address);
                problems.Add($"{field}: {address} is {owner.Name}'s address ({item.Name}); flows start and end at hosts, so give a host's address or a free address in one of the design's subnets");
                return null;
            }

            design = Listen(design, owner, listen);
            return owner.Name;
        }

        // A firewall receives its mapped addresses (proxy ARP): a host placed there would answer in its stead.
        if (MappedBy(design, address) is { } mapped)
        {
            problems.Add($"{field}: {address} is the address {mapped.Firewall} maps to {mapped.Rule.PrivateAddress} ({mapped.Rule}); flows run between hosts' own addresses, so give {mapped.Rule.PrivateAddress}: its traffic leaves as {address}");
            return null;
        }

        if (PlaceHost(design, address, listen) is not { } withHost)
        {
            problems.Add($"{field}: {address} is in none of the design's subnets that hosts can join (a VLAN or the Internet with a gateway on it); give a host's name or an address inside one");
            return null;
        }

        design = withHost.Design;
        placed.Add(withHost.Host);
        return withHost.Host;
    }

    private static (string Firewall, NatRule Rule)? MappedBy(Design design, Ipv4Address address)
    {
        foreach (var device in design.Devices)
        {
            if (device.Firewall?.Nat.FirstOrDefault(r => r.Kind != NatKind.Pat && r.PublicAddress == address) is { } rule)
            {
                return (device.Name, rule);
            }
        }

        return null;
    }

    private static Design Listen(Design design, Device host, (Protocol Protocol, int Port)? listen)
    {
        if (listen is not { } wanted)
        {
            return design;
        }

        var settings = host.Host ?? HostSettings.None;
        var changed = wanted.Protocol == Protocol.Tcp
            ? settings with { TcpPorts = settings.TcpPorts.Contains(wanted.Port) ? settings.TcpPorts : [.. settings.TcpPorts, wanted.Port] }
            : settings with { UdpPorts = settings.UdpPorts.Contains(wanted.Port) ? settings.UdpPorts : [.. settings.UdpPorts, wanted.Port] };
        return changed == settings ? design : design with { Devices = [.. design.Devices.Select(d => d.Name == host.Name ? d with { Host = changed } : d)] };
    }

    private static (Design Design, string Host)? PlaceHost(Design design, Ipv4Address address, (Protocol Protocol, int Port)? listen)
    {
        foreach (var (segment, prefix) in Segments(design).Where(s => s.Prefix.Contains(address)).OrderByDescending(s => s.Prefix.Length))
        {
            if (address == prefix.Network.Address || (prefix.Length < 31 && address.Value == (prefix.Network.Address.Value | ~prefix.Mask)))
            {
                continue;
            }

            if (Gateway(design, segment, prefix) is not { } gateway)
            {
                continue;
            }

            var name = Unique(design, address.ToString());
            var host = new Device(name, DeviceKind.Host, new Position(segment.Position.X + 40, segment.Position.Y + 120),
                [new DeviceInterface("eth0", new Ipv4Prefix(address, prefix.Length))], [], gateway, HostSettings.None);
            var placed = design with
            {
                Devices = [.. design.Devices, host],
                Links = [.. design.Links, new Link(new LinkEnd(name, "eth0"), new LinkEnd(segment.Name))],
            };
            return (Listen(placed, host, listen), name);
        }

        return null;
    }

    /// <summary>Every segment with the subnets on it: a VLAN's own subnet, and the subnets of the interfaces cabled to it.</summary>
    private static IEnumerable<(Device Segment, Ipv4Prefix Prefix)> Segments(Design design)
    {
        foreach (var segment in design.Devices.Where(d => d.Kind.IsSegment()))
        {
            var prefixes = AttachedInterfaces(design, segment).Select(a => a.Interface.Address).OfType<Ipv4Prefix>().Select(p => p.Network);
            if (segment.Vlan?.Subnet is { } subnet)
            {
                prefixes = prefixes.Prepend(subnet);
            }

            foreach (var prefix in prefixes.Distinct())
            {
                yield return (segment, prefix);
            }
        }
    }

    private static IEnumerable<(Device Device, DeviceInterface Interface)> AttachedInterfaces(Design design, Device segment)
    {
        foreach (var link in design.Links)
        {
            var end = link.A.Device == segment.Name ? link.B : link.B.Device == segment.Name ? link.A : null;
            if (end?.Interface is { } name && design.FindDevice(end.Device) is { } device && device.FindInterface(name) is { } item)
            {
                yield return (device, item);
            }
        }
    }

    /// <summary>The gateway a new host on this segment takes, or null when the segment has none.</summary>
    private static Ipv4Address? Gateway(Design design, Device segment, Ipv4Prefix prefix)
    {
        var attached = AttachedInterfaces(design, segment).Where(a => a.Interface.Address is { } p && prefix.Contains(p.Address)).ToList();
        var neighbourHost = attached.FirstOrDefault(a => a.Device.Kind.IsEndpoint() && a.Device.DefaultGateway is { } g && prefix.Contains(g)).Device;
        if (neighbourHost?.DefaultGateway is { } shared)
        {
            return shared;
        }

        // On the Internet, the provider: the next hop other devices' default routes use there.
        if (segment.Kind == DeviceKind.Internet)
        {
            return attached.SelectMany(a => a.Device.Routes.Where(r => r.Prefix.Length == 0).Select(r => r.NextHop)
                    .Concat(a.Device.Mx?.UplinkGateway is { } g ? [g] : []))
                .Cast<Ipv4Address?>().FirstOrDefault(g => prefix.Contains(g!.Value));
        }

        var router = attached.FirstOrDefault(a => a.Device.Kind is DeviceKind.Firewall or DeviceKind.Router or DeviceKind.L3Switch
            || (a.Device.Mx is { Mode: MxMode.Routed } mx && a.Interface.Name != mx.Uplink));
        return router.Interface?.Address?.Address;
    }

    private static string Unique(Design design, string wanted)
    {
        var name = wanted;
        for (var n = 2; design.FindDevice(name) is not null; n++)
        {
            name = $"{wanted} ({n})";
        }

        return name;
    }
}
