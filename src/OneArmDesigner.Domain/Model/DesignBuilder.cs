using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Domain.Model;

/// <summary>
/// Builds designs in a few readable lines, for templates, tests and generated benchmark networks. Addresses are
/// written as text ("10.0.0.2/24"); <see cref="Build"/> checks the result and throws if it is not well-formed,
/// because a builder is driven by code, not by users.
/// </summary>
public sealed class DesignBuilder(string name)
{
    private readonly List<Device> _devices = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Link> _links = [];
    private string? _description;

    public DesignBuilder Describe(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>A laptop-style host with one interface "eth0".</summary>
    public DesignBuilder Host(string name, string address, string gateway, double x = 0, double y = 0, params int[] tcpPorts) =>
        Endpoint(DeviceKind.Host, name, address, gateway, x, y, tcpPorts);

    public DesignBuilder Server(string name, string address, string gateway, double x = 0, double y = 0, params int[] tcpPorts) =>
        Endpoint(DeviceKind.Server, name, address, gateway, x, y, tcpPorts);

    /// <summary>A router with interfaces given as ("name", "address/len") pairs.</summary>
    public DesignBuilder Router(string name, double x, double y, params (string Name, string Address)[] interfaces) =>
        Add(new Device(name, DeviceKind.Router, new Position(x, y), Interfaces(interfaces), []));

    public DesignBuilder L3Switch(string name, double x, double y, params (string Name, string Address)[] interfaces) =>
        Add(new Device(name, DeviceKind.L3Switch, new Position(x, y), Interfaces(interfaces), []));

    /// <summary>An ASA-like stateful firewall with interfaces given as ("name", "address/len", security level).</summary>
    public DesignBuilder Firewall(string name, double x, double y, params (string Name, string Address, int Security)[] interfaces) =>
        Add(new Device(name, DeviceKind.Firewall, new Position(x, y),
            [.. interfaces.Select(i => new DeviceInterface(i.Name, Ipv4Prefix.Parse(i.Address), i.Security))], [],
            Firewall: FirewallSettings.Default));

    /// <summary>A Meraki MX in routed mode: "lan" is the LAN gateway, "wan" the uplink; NAT on.</summary>
    public DesignBuilder RoutedMx(string name, double x, double y, string lan, string wan, string wanGateway, params string[] advertised) =>
        Add(new Device(name, DeviceKind.Mx, new Position(x, y),
            [new DeviceInterface("lan", Ipv4Prefix.Parse(lan)), new DeviceInterface("wan", Ipv4Prefix.Parse(wan))], [],
            Mx: new MxSettings(MxMode.Routed, "wan", Ipv4Address.Parse(wanGateway), Prefixes(advertised), [], Nat: true)));

    /// <summary>A Meraki MX in passthrough (one-armed concentrator) mode with its single uplink "wan".</summary>
    public DesignBuilder ConcentratorMx(string name, double x, double y, string wan, string gateway, string? publicAddress, params string[] advertised) =>
        Add(new Device(name, DeviceKind.Mx, new Position(x, y),
            [new DeviceInterface("wan", Ipv4Prefix.Parse(wan))], [],
            Mx: new MxSettings(MxMode.Passthrough, "wan", Ipv4Address.Parse(gateway), Prefixes(advertised), [],
                publicAddress is null ? null : Ipv4Address.Parse(publicAddress))));

    public DesignBuilder Vlan(string name, int id, string? subnet, double x = 0, double y = 0) =>
        Add(new Device(name, DeviceKind.Vlan, new Position(x, y), [], [],
            Vlan: new VlanSettings(id, subnet is null ? null : Ipv4Prefix.Parse(subnet).Network)));

    public DesignBuilder Internet(string name = "Internet", double x = 0, double y = 0) =>
        Add(new Device(name, DeviceKind.Internet, new Position(x, y), [], []));

    /// <summary>Joins "Device:interface" (or a segment's bare name) to another end.</summary>
    public DesignBuilder Link(string a, string b)
    {
        _links.Add(new Link(ParseEnd(a), ParseEnd(b)));
        return this;
    }

    public DesignBuilder Route(string device, string prefix, string nextHop) =>
        Update(device, d => d with { Routes = [.. d.Routes, new StaticRoute(Ipv4Prefix.Parse(prefix).Network, Ipv4Address.Parse(nextHop))] });

    /// <summary>Makes two MX units AutoVPN peers of each other.</summary>
    public DesignBuilder VpnPeers(string first, string second) =>
        Update(first, d => d with { Mx = d.Mx! with { VpnPeers = [.. d.Mx.VpnPeers, second] } })
            .Update(second, d => d with { Mx = d.Mx! with { VpnPeers = [.. d.Mx.VpnPeers, first] } });

    /// <summary>Changes one device's firewall settings.</summary>
    public DesignBuilder ConfigureFirewall(string device, Func<FirewallSettings, FirewallSettings> change) =>
        Update(device, d => d with { Firewall = change(d.Firewall ?? FirewallSettings.Default) });

    /// <summary>Any other change to one device.</summary>
    public DesignBuilder Update(string device, Func<Device, Device> change)
    {
        var i = _index[device];
        _devices[i] = change(_devices[i]);
        return this;
    }

    public DesignBuilder RemoveLink(string a, string b)
    {
        var (endA, endB) = (ParseEnd(a), ParseEnd(b));
        _links.RemoveAll(l => (l.A == endA && l.B == endB) || (l.A == endB && l.B == endA));
        return this;
    }

    public Design Build()
    {
        var design = new Design(name, [.. _devices], [.. _links], _description);
        var problems = DesignConsistency.Check(design);
        return problems.Count == 0
            ? design
            : throw new InvalidOperationException("The built design is not well-formed: " + string.Join("; ", problems));
    }

    private DesignBuilder Endpoint(DeviceKind kind, string name, string address, string gateway, double x, double y, int[] tcpPorts) =>
        Add(new Device(name, kind, new Position(x, y), [new DeviceInterface("eth0", Ipv4Prefix.Parse(address))], [],
            Ipv4Address.Parse(gateway), new HostSettings(tcpPorts, [])));

    private DesignBuilder Add(Device device)
    {
        _index.Add(device.Name, _devices.Count);
        _devices.Add(device);
        return this;
    }

    private static LinkEnd ParseEnd(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new LinkEnd(text) : new LinkEnd(text[..colon], text[(colon + 1)..]);
    }

    private static List<DeviceInterface> Interfaces((string Name, string Address)[] interfaces) =>
        [.. interfaces.Select(i => new DeviceInterface(i.Name, Ipv4Prefix.Parse(i.Address)))];

    private static List<Ipv4Prefix> Prefixes(string[] prefixes) => [.. prefixes.Select(p => Ipv4Prefix.Parse(p).Network)];
}
