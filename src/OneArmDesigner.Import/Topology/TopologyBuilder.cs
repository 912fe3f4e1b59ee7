using System.Globalization;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Import.Asa;
using OneArmDesigner.Import.Meraki;

namespace OneArmDesigner.Import.Topology;

/// <summary>
/// Assembles imported devices into a design from their addresses alone: interfaces that share a subnet form one
/// segment; a public subnet that holds a default route's gateway (or an MX's uplink gateway) is the Internet; an MX
/// behind a firewall is reached at the address the firewall's NAT publishes for it; AutoVPN peers follow the hub and
/// spoke settings; and each LAN subnet gets one representative host, named by its subnet, since hosts are in no
/// configuration. Every assumption it makes is written to the notes.
/// </summary>
internal sealed class TopologyBuilder
{
    /// <summary>The TCP ports a representative host answers on: common services, so the checks have a TCP flow to try.</summary>
    public static readonly IReadOnlyList<int> RepresentativePorts = [22, 443, 3389];

    public const string InternetName = "Internet";

    private readonly List<string> _notes;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal) { InternetName };
    private readonly List<Device> _devices = [];
    private readonly List<Link> _links = [];

    private TopologyBuilder(List<string> notes) => _notes = notes;

    public static Design Build(string name, string description, IReadOnlyList<ImportedFirewall> firewalls, IReadOnlyList<ImportedMx> mxs, List<string> notes)
    {
        var builder = new TopologyBuilder(notes);
        var named = builder.NameDevices(firewalls, mxs);
        return builder.Assemble(name, description, named.Firewalls, named.Mxs);
    }

    private (List<ImportedFirewall> Firewalls, List<ImportedMx> Mxs) NameDevices(IReadOnlyList<ImportedFirewall> firewalls, IReadOnlyList<ImportedMx> mxs)
    {
        var namedFirewalls = firewalls.Select(f => f with { Device = f.Device with { Name = Unique(f.Device.Name, $"{f.File}'s hostname") } }).ToList();
        var namedMxs = mxs.Select(m => m with { Device = m.Device with { Name = Unique(m.Device.Name, $"MX {m.Serial}") } }).ToList();
        return (namedFirewalls, namedMxs);
    }

    private string Unique(string wanted, string what)
    {
        var name = wanted;
        for (var n = 2; !_names.Add(name); n++)
        {
            name = $"{wanted}-{n}";
        }

        if (name != wanted)
        {
            _notes.Add($"{what} '{wanted}' is already the name of another device; it is named '{name}' in the design.");
        }

        return name;
    }

    private Design Assemble(string name, string description, List<ImportedFirewall> firewalls, List<ImportedMx> mxs)
    {
        var owned = firewalls.SelectMany(f => f.Device.Interfaces).Concat(mxs.SelectMany(m => m.Device.Interfaces))
            .Select(i => i.Address).OfType<Ipv4Prefix>().ToList();
        var mxDevices = mxs.Select(m => CompleteMx(m, mxs, firewalls, owned)).ToList();
        var devices = firewalls.Select(f => f.Device).Concat(mxDevices).ToList();
        _devices.AddRange(devices);

        var internetSubnets = InternetSubnets(devices);
        var segments = BuildSegments(devices, internetSubnets, firewalls, mxs);
        if (internetSubnets.Count > 0 && _links.Any(l => l.B.Device == InternetName))
        {
            _devices.Add(new Device(InternetName, DeviceKind.Internet, default, [], []));
        }

        NoteUnownedNextHops(devices);
        PlaceHosts(segments, mxDevices, firewalls.SelectMany(f => f.Reserved));
        return new Design(name, [.. _devices], [.. _links], description);
    }

    // ----- MX: uplink mask, AutoVPN peers, public address -----

    private Device CompleteMx(ImportedMx mx, List<ImportedMx> all, List<ImportedFirewall> firewalls, List<Ipv4Prefix> owned)
    {
        var settings = mx.Device.Mx!;
        var uplink = UplinkPrefix(mx, owned);
        var (publicAddress, onInternet) = PublicContact(mx, uplink, firewalls, owned);
        if (onInternet is { } moved)
        {
            uplink = moved.Prefix;
            settings = settings with { UplinkGateway = moved.Gateway };
        }

        var interfaces = mx.Device.Interfaces.Select(i => i.Name == settings.Uplink ? i with { Address = uplink } : i).ToList();
        return mx.Device with
        {
            Interfaces = interfaces,
            Mx = settings with { VpnPeers = Peers(mx, all), PublicAddress = publicAddress },
        };
    }

    /// <summary>The uplink's prefix: from the settings; else the subnet of another imported device it sits in; else a /24.</summary>
    private Ipv4Prefix UplinkPrefix(ImportedMx mx, List<Ipv4Prefix> owned)
    {
        if (mx.UplinkLength is { } length)
        {
            return new Ipv4Prefix(mx.UplinkAddress, length);
        }

        if (owned.Where(p => p.Address != mx.UplinkAddress && p.Contains(mx.UplinkAddress)).OrderByDescending(p => p.Length).FirstOrDefault() is { Length: > 0 } shared)
        {
            return new Ipv4Prefix(mx.UplinkAddress, shared.Length);
        }

        _notes.Add($"{mx.Device.Name}'s uplink {mx.UplinkAddress} has no mask in the Meraki file (only a live status); the design assumes /24.");
        return new Ipv4Prefix(mx.UplinkAddress, 24);
    }

    /// <summary>A hub meshes with every other hub and with the spokes that name it; a spoke peers with its hubs.</summary>
    private List<string> Peers(ImportedMx mx, List<ImportedMx> all)
    {
        var byNetwork = all.ToDictionary(m => m.NetworkId, StringComparer.Ordinal);
        IEnumerable<ImportedMx> peers = mx.Role switch
        {
            VpnRole.Hub => all.Where(o => o != mx && (o.Role == VpnRole.Hub || (o.Role == VpnRole.Spoke && o.HubIds.Contains(mx.NetworkId)))),
            VpnRole.Spoke => mx.HubIds.Select(h => byNetwork.GetValueOrDefault(h)).OfType<ImportedMx>().Where(h => h.Role == VpnRole.Hub),
            _ => [],
        };
        foreach (var missing in mx.Role == VpnRole.Spoke ? mx.HubIds.Where(h => byNetwork.GetValueOrDefault(h)?.Role != VpnRole.Hub) : [])
        {
            _notes.Add($"{mx.Device.Name} names hub network {missing}, which is not an imported hub; that peer is left out.");
        }

        return [.. peers.Select(p => p.Device.Name).Distinct()];
    }

    /// <summary>
    /// Where AutoVPN peers reach this MX: the address a firewall's static NAT or port forward publishes for its uplink;
    /// its own uplink if that is public; otherwise the public address Meraki reports. An MX whose private uplink sits
    /// behind no imported device is put on the Internet at its reported public address.
    /// </summary>
    private (Ipv4Address? Public, (Ipv4Prefix Prefix, Ipv4Address Gateway)? OnInternet) PublicContact(
        ImportedMx mx, Ipv4Prefix uplink, List<ImportedFirewall> firewalls, List<Ipv4Prefix> owned)
    {
        var name = mx.Device.Name;
        foreach (var firewall in firewalls)
        {
            foreach (var rule in firewall.Device.Firewall!.Nat.Where(r => r.Kind != NatKind.Pat && r.PrivateAddress == mx.UplinkAddress))
            {
                var published = rule.PublicAddress ?? firewall.Device.FindInterface(rule.OutsideInterface)?.Address?.Address;
                if (published is not { } address)
                {
                    continue;
                }

                _notes.Add($"{name}'s uplink {mx.UplinkAddress} is published by {firewall.Device.Name}'s {rule}; peers reach {name} at {address}.");
                if (mx.ReportedPublicIp is { } reported && reported != address)
                {
                    _notes.Add($"Meraki reports {name}'s public address as {reported}, not {address}: the design follows {firewall.Device.Name}'s NAT.");
                }

                return (address, null);
            }
        }

        if (!uplink.Address.IsPrivate)
        {
            return (null, null);
        }

        var behindImported = owned.Any(p => p.Address != mx.UplinkAddress && p.Contains(mx.UplinkAddress));
        if (mx.ReportedPublicIp is not { } publicIp || publicIp.IsPrivate)
        {
            _notes.Add($"{name}'s uplink {mx.UplinkAddress} is private and nothing publishes it: AutoVPN peers will not reach {name}.");
            return (null, null);
        }

        if (behindImported)
        {
            _notes.Add($"No imported firewall publishes {name}'s uplink {mx.UplinkAddress} with a static NAT or port forward; peers address it at {publicIp}, as Meraki reports.");
            return (publicIp, null);
        }

        var subnet = new Ipv4Prefix(publicIp, 30).Network;
        var gateway = new Ipv4Address(subnet.Address.Value + 1) == publicIp ? new Ipv4Address(subnet.Address.Value + 2) : new Ipv4Address(subnet.Address.Value + 1);
        _notes.Add($"{name}'s uplink {mx.UplinkAddress} sits behind a device that is not in the import; the design puts its uplink on the Internet at its public address {publicIp} (gateway {gateway}).");
        return (null, (new Ipv4Prefix(publicIp, 30), gateway));
    }

    // ----- segments -----

    /// <summary>Public subnets that hold a default route's gateway or an MX's uplink gateway: the way to the Internet.</summary>
    private static HashSet<Ipv4Prefix> InternetSubnets(List<Device> devices)
    {
        var gateways = devices.SelectMany(d => d.Routes.Where(r => r.Prefix.Length == 0).Select(r => r.NextHop))
            .Concat(devices.Select(d => d.Mx?.UplinkGateway).OfType<Ipv4Address>()).ToList();
        return [.. devices.SelectMany(d => d.Interfaces).Select(i => i.Address).OfType<Ipv4Prefix>()
            .Where(p => !p.Address.IsPrivate && gateways.Any(p.Contains)).Select(p => p.Network)];
    }

    private sealed record SegmentInfo(Ipv4Prefix Subnet, string Name, List<(Device Device, DeviceInterface Interface)> Members);

    private List<SegmentInfo> BuildSegments(List<Device> devices, HashSet<Ipv4Prefix> internet, List<ImportedFirewall> firewalls, List<ImportedMx> mxs)
    {
        var members = devices.SelectMany(d => d.Interfaces.Where(i => i.Address is not null).Select(i => (Device: d, Interface: i)))
            .GroupBy(m => m.Interface.Address!.Value.Network).ToList();
        var vlanIds = new Dictionary<Ipv4Prefix, int>();
        var preferred = new Dictionary<Ipv4Prefix, string>();
        foreach (var group in members)
        {
            foreach (var (device, item) in group)
            {
                var (vlan, label) = Origin(device, item, firewalls, mxs);
                if (vlan is { } id && !vlanIds.ContainsKey(group.Key))
                {
                    vlanIds[group.Key] = id;
                }

                if (label is not null && !preferred.ContainsKey(group.Key))
                {
                    preferred[group.Key] = label;
                }
            }
        }

        var placeholders = new Queue<int>(Enumerable.Range(1, 409).Select(n => n * 10).Where(n => !vlanIds.ContainsValue(n)));
        var segments = new List<SegmentInfo>();
        var unknownVlans = new List<string>();
        foreach (var group in members)
        {
            if (internet.Contains(group.Key))
            {
                foreach (var (device, item) in group)
                {
                    _links.Add(new Link(new LinkEnd(device.Name, item.Name), new LinkEnd(InternetName)));
                }

                continue;
            }

            var name = SegmentName(preferred.GetValueOrDefault(group.Key), group.Key, group.First().Device.Name);
            if (!vlanIds.TryGetValue(group.Key, out var vlanId))
            {
                vlanId = placeholders.Dequeue();
                unknownVlans.Add($"{name} ({vlanId})");
            }

            _devices.Add(new Device(name, DeviceKind.Vlan, default, [], [], Vlan: new VlanSettings(vlanId, group.Key)));
            foreach (var (device, item) in group)
            {
                _links.Add(new Link(new LinkEnd(device.Name, item.Name), new LinkEnd(name)));
            }

            segments.Add(new SegmentInfo(group.Key, name, [.. group]));
        }

        if (unknownVlans.Count > 0)
        {
            _notes.Add($"No configuration gives the 802.1Q VLAN of {string.Join(", ", unknownVlans)}; those IDs are placeholders.");
        }

        return segments;
    }

    /// <summary>What a configuration says about the segment behind an interface: its VLAN ID and a name for it.</summary>
    private static (int? Vlan, string? Label) Origin(Device device, DeviceInterface item, List<ImportedFirewall> firewalls, List<ImportedMx> mxs)
    {
        if (firewalls.FirstOrDefault(f => f.Device.Name == device.Name) is { } firewall)
        {
            return (firewall.Vlans.TryGetValue(item.Name, out var vlan) ? vlan : null, item.Name);
        }

        if (mxs.FirstOrDefault(m => m.Device.Name == device.Name) is { } mx && mx.Lans.TryGetValue(item.Name, out var lan))
        {
            return (lan.Vlan, $"{mx.NetworkName} {lan.Name}");
        }

        return (null, null);
    }

    private string SegmentName(string? preferred, Ipv4Prefix subnet, string owner)
    {
        var wanted = preferred is null ? $"net {subnet}" : preferred;
        if (_names.Contains(wanted) && preferred is not null)
        {
            wanted = $"{owner} {preferred}";
        }

        var name = wanted;
        for (var n = 2; !_names.Add(name); n++)
        {
            name = $"{wanted} {n}";
        }

        return name;
    }

    // ----- what the configurations point at but do not contain -----

    private void NoteUnownedNextHops(List<Device> devices)
    {
        foreach (var device in devices)
        {
            foreach (var route in device.Routes)
            {
                if (!devices.Any(d => d.Owns(route.NextHop)) && !_links.Any(l => l.A.Device == device.Name && l.B.Device == InternetName
                        && device.FindInterface(l.A.Interface!)?.Address?.Contains(route.NextHop) == true))
                {
                    _notes.Add($"{device.Name}: the route to {route.Prefix} goes via {route.NextHop}, which no imported device owns; traffic for it will find no neighbour.");
                }
            }

            if (device.Mx?.UplinkGateway is { } gateway && !devices.Any(d => d.Owns(gateway)) && !_links.Any(l => l.A.Device == device.Name && l.B.Device == InternetName))
            {
                _notes.Add($"{device.Name}: its uplink gateway {gateway} is not an imported device's address.");
            }
        }
    }

    // ----- representative hosts -----

    /// <summary>
    /// One host per LAN subnet: every segment but point-to-point subnets (/30 and longer) and a concentrator's transit
    /// subnet (one that holds a passthrough MX's uplink but is not among its advertised subnets). The host takes the
    /// first free address (not a firewall's failover standby address either) and the segment's gateway: a firewall's
    /// interface, else a routed MX's LAN interface.
    /// </summary>
    private void PlaceHosts(List<SegmentInfo> segments, List<Device> mxDevices, IEnumerable<Ipv4Address> reserved)
    {
        var used = _devices.SelectMany(d => d.Interfaces).Select(i => i.Address?.Address).OfType<Ipv4Address>().Concat(reserved).ToHashSet();
        var placed = new List<string>();
        foreach (var segment in segments)
        {
            if (segment.Subnet.Length >= 30 || IsTransit(segment, mxDevices))
            {
                continue;
            }

            var gateway = segment.Members.FirstOrDefault(m => m.Device.Kind == DeviceKind.Firewall).Interface
                ?? segment.Members.FirstOrDefault(m => m.Device.Mx is { Mode: MxMode.Routed } mx && m.Interface.Name != mx.Uplink).Interface;
            if (gateway?.Address is not { } gatewayAddress || FreeAddress(segment.Subnet, used) is not { } address)
            {
                continue;
            }

            used.Add(address);
            var name = UniqueHostName($"Host {segment.Subnet}");
            _devices.Add(new Device(name, DeviceKind.Host, default, [new DeviceInterface("eth0", new Ipv4Prefix(address, segment.Subnet.Length))], [],
                gatewayAddress.Address, new HostSettings(RepresentativePorts, [])));
            _links.Add(new Link(new LinkEnd(name, "eth0"), new LinkEnd(segment.Name)));
            placed.Add($"'{name}' at {address} (gateway {gatewayAddress.Address})");
        }

        if (placed.Count > 0)
        {
            _notes.Add($"Hosts are in no configuration: placed one representative host per LAN subnet, answering on TCP {string.Join(", ", RepresentativePorts)}: {string.Join("; ", placed)}.");
        }
    }

    private static bool IsTransit(SegmentInfo segment, List<Device> mxDevices) =>
        segment.Members.Any(m => m.Device.Mx is { Mode: MxMode.Passthrough } mx && m.Interface.Name == mx.Uplink
            && !mx.AdvertisedSubnets.Any(a => a.Overlaps(segment.Subnet)))
        && !mxDevices.Any(mx => mx.Mx!.Mode == MxMode.Passthrough && mx.Mx.AdvertisedSubnets.Any(a => a == segment.Subnet));

    private static Ipv4Address? FreeAddress(Ipv4Prefix subnet, HashSet<Ipv4Address> used)
    {
        var first = subnet.Network.Address.Value + 1;
        var last = subnet.Network.Address.Value + (uint)((1UL << (32 - subnet.Length)) - 2);
        for (var value = first; value <= last; value++)
        {
            if (!used.Contains(new Ipv4Address(value)))
            {
                return new Ipv4Address(value);
            }
        }

        return null;
    }

    private string UniqueHostName(string wanted)
    {
        var name = wanted;
        for (var n = 2; !_names.Add(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{wanted} ({n})");
        }

        return name;
    }
}
