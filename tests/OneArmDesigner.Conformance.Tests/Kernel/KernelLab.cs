using System.Diagnostics;
using System.Globalization;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Conformance.Tests.Kernel;

/// <summary>
/// A design built out of Linux network namespaces: every device a namespace, every VLAN a bridge in a namespace of its
/// own, every cable a veth pair, the Internet a router namespace that forwards between its members' public addresses and
/// drops private ones. Hosts run real listeners; firewalls are netfilter (<see cref="LinuxFirewall"/>). Nothing touches
/// the machine's own network: only namespaces this lab creates, each named with a random run id, all deleted on dispose.
/// </summary>
internal sealed class KernelLab : IDisposable
{
    private static readonly string[] PrivateNetworks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    private readonly Design _design;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly Dictionary<string, string> _namespaces = new(StringComparer.Ordinal);
    private readonly List<Process> _services = [];
    private int _cables;

    public KernelLab(Design design)
    {
        _design = design;
        try
        {
            Build();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Why this machine cannot build a lab, or null when it can (root, ip netns, iptables, conntrack, python3).</summary>
    public static string? Unavailable()
    {
        var probe = $"oadprobe{Guid.NewGuid().ToString("N")[..6]}";
        if (!Shell.Works("ip", "netns", "add", probe))
        {
            return "'ip netns add' is not allowed here (the conformance lab needs root and network namespaces)";
        }

        try
        {
            return !Shell.Works("ip", "netns", "exec", probe, "iptables", "-t", "mangle", "-A", "PREROUTING", "-j", "TTL", "--ttl-inc", "1")
                ? "iptables with the TTL target is missing (apt-get install iptables; see .ci/prerequisites)"
                : !Shell.Works("ip", "netns", "exec", probe, "iptables", "-A", "FORWARD", "-m", "conntrack", "--ctstate", "INVALID", "-j", "DROP")
                    ? "iptables' conntrack match is missing"
                    : !Shell.Works("python3", "-c", "pass") ? "python3 is missing" : null;
        }
        finally
        {
            Shell.Works("ip", "netns", "del", probe);
        }
    }

    /// <summary>
    /// Sends the flow's first packet from its source host, as a real client would (a TCP connect, a connected UDP socket,
    /// a raw ICMP echo), and says how the exchange ended: see Kernel/probe.py.
    /// </summary>
    public string Send(Flow flow)
    {
        var source = _design.GetDevice(flow.From);
        var destination = FirstAddress(_design.GetDevice(flow.To));
        var ttl = flow.Ttl ?? source.Host?.InitialTtl ?? HostSettings.DefaultTtl;
        return Shell.In(_namespaces[flow.From], "python3", Script("probe.py"), flow.Protocol.ToJsonName(), destination.ToString(),
            Number(flow.DestinationPort), Number(flow.SourcePort), Number(ttl)).Trim();
    }

    /// <summary>What a firewall's netfilter dropped, by the engine's reason name.</summary>
    public Dictionary<string, long> Drops(string firewall) => LinuxFirewall.Drops(_namespaces[firewall]);

    public void Dispose()
    {
        foreach (var service in _services)
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
                service.WaitForExit();
            }

            service.Dispose();
        }

        foreach (var ns in _namespaces.Values)
        {
            Shell.Works("ip", "netns", "del", ns);
        }
    }

    private void Build()
    {
        foreach (var device in _design.Devices)
        {
            if (device.Mx is not null)
            {
                throw new NotSupportedException($"{device.Name}: Meraki MX units (AutoVPN) are not built in this lab");
            }

            var ns = $"oad{_run}n{_namespaces.Count}";
            _namespaces[device.Name] = ns;
            Shell.Run("ip", "netns", "add", ns);
            Shell.In(ns, "ip", "link", "set", "lo", "up");
            var forwards = !device.Kind.IsEndpoint();
            Sysctls(ns, forwards, device.Host?.InitialTtl ?? HostSettings.DefaultTtl);
            if (device.Kind == DeviceKind.Vlan)
            {
                Shell.In(ns, "ip", "link", "add", "br0", "type", "bridge");
                Shell.In(ns, "ip", "link", "set", "br0", "up");
            }
            else if (device.Kind == DeviceKind.Internet)
            {
                foreach (var network in PrivateNetworks)
                {
                    Shell.In(ns, "iptables", "-A", "FORWARD", "-d", network, "-j", "DROP");
                }
            }
        }

        foreach (var link in _design.Links)
        {
            Cable(link);
        }

        foreach (var device in _design.Devices.Where(d => !d.Kind.IsSegment()))
        {
            Configure(device);
        }
    }

    /// <summary>Forwarding for routers and firewalls; no reverse-path filter (asymmetric routing is the point), no redirects, no ICMP rate limit.</summary>
    private static void Sysctls(string ns, bool forwards, int ttl)
    {
        string[] settings =
        [
            $"net.ipv4.ip_forward={(forwards ? 1 : 0)}", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
            "net.ipv4.conf.all.send_redirects=0", "net.ipv4.conf.default.send_redirects=0", "net.ipv4.icmp_ratelimit=0",
            $"net.ipv4.ip_default_ttl={ttl}",
        ];
        foreach (var setting in settings)
        {
            Shell.In(ns, "sysctl", "-q", "-w", setting);
        }
    }

    /// <summary>A veth pair: the device's end carries the interface's name; a segment's end joins its bridge.</summary>
    private void Cable(Link link)
    {
        var (a, b) = (_design.GetDevice(link.A.Device), _design.GetDevice(link.B.Device));
        if (a.Kind.IsSegment())
        {
            (a, b, link) = (b, a, new Link(link.B, link.A));
        }

        var peerName = $"c{_cables++}";
        var otherName = b.Kind.IsSegment() ? peerName : link.B.Interface!;
        Shell.In(_namespaces[a.Name], "ip", "link", "add", link.A.Interface!, "type", "veth", "peer", "name", otherName, "netns", _namespaces[b.Name]);
        Shell.In(_namespaces[a.Name], "ip", "link", "set", link.A.Interface!, "up");
        Shell.In(_namespaces[b.Name], "ip", "link", "set", otherName, "up");
        if (b.Kind == DeviceKind.Vlan)
        {
            Shell.In(_namespaces[b.Name], "ip", "link", "set", otherName, "master", "br0");
        }
        else if (b.Kind == DeviceKind.Internet)
        {
            Provide(a, link.A.Interface!, _namespaces[b.Name], otherName);
        }
    }

    /// <summary>
    /// The provider's side of a member's Internet cable: the member's gateway address, a route to the member, and routes to
    /// the member's mapped addresses (on its subnet they are found by ARP, which the firewall answers only by proxy ARP;
    /// off it they are routed to the member, as the engine assumes a provider does).
    /// </summary>
    private void Provide(Device member, string interfaceName, string internet, string port)
    {
        var address = member.FindInterface(interfaceName)!.Address!.Value;
        var gateway = GatewayOn(member, address);
        Shell.In(internet, "ip", "addr", "add", $"{gateway}/32", "dev", port);
        Shell.In(internet, "ip", "route", "add", $"{address.Address}/32", "dev", port);
        foreach (var rule in member.Firewall?.Nat ?? [])
        {
            if (rule.OutsideInterface == interfaceName && rule.PublicAddress is { } mapped && !member.Owns(mapped))
            {
                string[] route = address.Contains(mapped) ? ["dev", port] : ["via", address.Address.ToString(), "dev", port];
                Shell.In(internet, ["ip", "route", "add", $"{mapped}/32", .. route]);
            }
        }
    }

    /// <summary>The next hop the member uses on that subnet (its gateway or a route's), else another address on it.</summary>
    private static Ipv4Address GatewayOn(Device member, Ipv4Prefix address)
    {
        var used = member.Routes.Select(r => r.NextHop).Append(member.DefaultGateway ?? default).Where(address.Contains);
        return used.FirstOrDefault(a => a != address.Address) is { } gateway && gateway != default
            ? gateway
            : new Ipv4Address(address.Network.Address.Value + (address.Address.Value == address.Network.Address.Value + 1 ? 2u : 1u));
    }

    private void Configure(Device device)
    {
        var ns = _namespaces[device.Name];
        foreach (var port in device.Interfaces.Where(i => i.Address is not null))
        {
            Shell.In(ns, "ip", "addr", "add", port.Address!.Value.ToString(), "dev", port.Name);
        }

        if (device.DefaultGateway is { } gateway)
        {
            Shell.In(ns, "ip", "route", "add", "default", "via", gateway.ToString());
        }

        foreach (var route in device.Routes)
        {
            Shell.In(ns, "ip", "route", "add", route.Prefix.Length == 0 ? "default" : route.Prefix.ToString(), "via", route.NextHop.ToString());
        }

        if (device.Firewall is not null)
        {
            LinuxFirewall.Apply(ns, device);
        }

        if (device.Host is { } host && host.TcpPorts.Count + host.UdpPorts.Count > 0)
        {
            Listen(ns, host);
        }
    }

    private void Listen(string ns, HostSettings host)
    {
        var service = Shell.Start("ip", ["netns", "exec", ns, "python3", Script("listen.py"),
            .. host.TcpPorts.Select(p => $"tcp:{Number(p)}"), .. host.UdpPorts.Select(p => $"udp:{Number(p)}")]);
        _services.Add(service);
        if (service.StandardOutput.ReadLine() != "ready")
        {
            throw new InvalidOperationException($"the listener in {ns} did not start: {service.StandardError.ReadToEnd()}");
        }
    }

    private static Ipv4Address FirstAddress(Device device) => device.Interfaces.First(i => i.Address is not null).Address!.Value.Address;

    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Kernel", name);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
