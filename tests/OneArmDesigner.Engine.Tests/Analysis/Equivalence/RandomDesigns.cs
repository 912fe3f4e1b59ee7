using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Tests.Analysis.Equivalence;

/// <summary>
/// Small random networks for the equivalence property: routers, L3 switches, stateful and stateless firewalls with
/// NAT, port forwards, access lists and tcp-state-bypass, MX units routed and one-armed with VPN peers, the Internet,
/// and hosts with and without listening ports or gateways. Routes are drawn at random, so some are missing and some
/// loop; a few addresses are reused on purpose. The same seed always gives the same design.
/// </summary>
internal static class RandomDesigns
{
    private static readonly string[] LanSubnets = ["10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24", "192.168.1.0/24", "172.16.5.0/24", "10.1.128.0/25"];
    private const string PublicSubnet = "203.0.113.0/24";

    /// <summary>
    /// Seeds take turns: a free-form network, sites joined by AutoVPN over the Internet (<see cref="RandomSites"/>), and
    /// layers whose paths part and meet again (<see cref="RandomLayers"/>).
    /// </summary>
    public static Design Generate(int seed)
    {
        var random = new Random(seed);
        return (seed % 3) switch
        {
            0 => RandomSites.Generate(random, seed),
            1 => new Generator(random, seed).Build(),
            _ => RandomLayers.Generate(random, seed),
        };
    }

    private sealed class Generator(Random random, int seed)
    {
        private readonly List<Device> _devices = [];
        private readonly List<Link> _links = [];

        /// <summary>Per segment name: its subnet, and the addresses handed out on it.</summary>
        private readonly Dictionary<string, (Ipv4Prefix Subnet, HashSet<uint> Used)> _segments = new(StringComparer.Ordinal);

        /// <summary>Per L3 device: (segment, address) of each of its addressed interfaces.</summary>
        private readonly Dictionary<string, List<(string Segment, Ipv4Address Address, string Interface)>> _attachments = new(StringComparer.Ordinal);
        private int _cables;

        public Design Build()
        {
            var hasInternet = random.NextDouble() < 0.75;
            if (hasInternet)
            {
                _devices.Add(new Device("Internet", DeviceKind.Internet, default, [], []));
                _segments["Internet"] = (Ipv4Prefix.Parse(PublicSubnet), [Ipv4Address.Parse("203.0.113.1").Value]);
            }

            var lans = LanSubnets.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();
            for (var i = 0; i < lans.Count; i++)
            {
                _devices.Add(new Device($"VLAN{i}", DeviceKind.Vlan, default, [], [], Vlan: new VlanSettings(10 + i, Ipv4Prefix.Parse(lans[i]))));
                _segments[$"VLAN{i}"] = (Ipv4Prefix.Parse(lans[i]), []);
            }

            var l3Count = random.Next(2, 6);
            for (var i = 0; i < l3Count; i++)
            {
                AddLayer3(i, hasInternet);
            }

            AddCables();
            AddHosts(hasInternet);
            AddRoutes();
            ConfigureVpn();
            ConfigureFirewalls();
            return new Design($"random-{seed}", _devices, _links);
        }

        private void AddLayer3(int index, bool hasInternet)
        {
            var kind = random.Next(6) switch
            {
                0 => DeviceKind.Router,
                1 => DeviceKind.L3Switch,
                2 or 3 => DeviceKind.Firewall,
                _ => DeviceKind.Mx,
            };
            var name = $"{kind}{index}";
            _attachments[name] = [];
            if (kind == DeviceKind.Mx)
            {
                AddMx(name, hasInternet);
                return;
            }

            var interfaces = new List<DeviceInterface>();
            var segments = _segments.Keys.Where(s => s != "Internet").OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            if (hasInternet && random.NextDouble() < 0.5)
            {
                segments.Add("Internet");
            }

            foreach (var segment in segments)
            {
                var interfaceName = segment == "Internet" ? "outside" : $"g{interfaces.Count}";
                var address = Allocate(segment, low: true);
                interfaces.Add(new DeviceInterface(interfaceName, new Ipv4Prefix(address, _segments[segment].Subnet.Length),
                    segment == "Internet" ? 0 : random.Next(3) * 50));
                _links.Add(new Link(new LinkEnd(name, interfaceName), new LinkEnd(segment)));
                _attachments[name].Add((segment, address, interfaceName));
            }

            _devices.Add(new Device(name, kind, default, interfaces, [],
                Firewall: kind == DeviceKind.Firewall
                    ? FirewallSettings.Default with
                    {
                        Stateful = random.NextDouble() < 0.8,
                        InspectIcmp = random.NextDouble() < 0.35,
                        DecrementTtl = random.NextDouble() < 0.3,
                    }
                    : null));
        }

        private void AddMx(string name, bool hasInternet)
        {
            var lans = _segments.Keys.Where(s => s != "Internet").ToList();
            var passthrough = random.NextDouble() < 0.5;
            if (passthrough || !hasInternet)
            {
                // One arm on a LAN; its gateway is whoever else gets an address there (fixed up in AddRoutes).
                var segment = lans[random.Next(lans.Count)];
                var address = Allocate(segment, low: true);
                _devices.Add(new Device(name, DeviceKind.Mx, default,
                    [new DeviceInterface("wan", new Ipv4Prefix(address, _segments[segment].Subnet.Length))], [],
                    Mx: new MxSettings(passthrough ? MxMode.Passthrough : MxMode.Routed, "wan", null, [], [],
                        Nat: !passthrough && random.NextDouble() < 0.5)));
                _links.Add(new Link(new LinkEnd(name, "wan"), new LinkEnd(segment)));
                _attachments[name].Add((segment, address, "wan"));
                return;
            }

            var lan = lans[random.Next(lans.Count)];
            var lanAddress = Allocate(lan, low: true);
            var wanAddress = Allocate("Internet", low: true);
            _devices.Add(new Device(name, DeviceKind.Mx, default,
                [
                    new DeviceInterface("lan", new Ipv4Prefix(lanAddress, _segments[lan].Subnet.Length)),
                    new DeviceInterface("wan", new Ipv4Prefix(wanAddress, 24)),
                ], [],
                Mx: new MxSettings(MxMode.Routed, "wan", Ipv4Address.Parse("203.0.113.1"), [], [], Nat: random.NextDouble() < 0.8)));
            _links.Add(new Link(new LinkEnd(name, "lan"), new LinkEnd(lan)));
            _links.Add(new Link(new LinkEnd(name, "wan"), new LinkEnd("Internet")));
            _attachments[name].Add((lan, lanAddress, "lan"));
            _attachments[name].Add(("Internet", wanAddress, "wan"));
        }

        /// <summary>A few direct cables between layer-3 devices, each a /30 of its own.</summary>
        private void AddCables()
        {
            var routers = _devices.Where(d => d.Kind is DeviceKind.Router or DeviceKind.L3Switch or DeviceKind.Firewall).ToList();
            for (var i = 0; i < routers.Count && routers.Count > 1; i++)
            {
                if (random.NextDouble() > 0.4)
                {
                    continue;
                }

                var a = routers[i];
                var b = routers[(i + 1 + random.Next(routers.Count - 1)) % routers.Count];
                var net = Ipv4Address.Parse($"10.250.{_cables++}.0").Value;
                var (ia, ib) = ($"p{_cables}", $"p{_cables}");
                var segment = $"cable{_cables}";
                _segments[segment] = (new Ipv4Prefix(new Ipv4Address(net), 30), [net + 1, net + 2]);
                Replace(a.Name, d => d with { Interfaces = [.. d.Interfaces, new DeviceInterface(ia, new Ipv4Prefix(new Ipv4Address(net + 1), 30), random.Next(3) * 50)] });
                Replace(b.Name, d => d with { Interfaces = [.. d.Interfaces, new DeviceInterface(ib, new Ipv4Prefix(new Ipv4Address(net + 2), 30), random.Next(3) * 50)] });
                _links.Add(new Link(new LinkEnd(a.Name, ia), new LinkEnd(b.Name, ib)));
                _attachments[a.Name].Add((segment, new Ipv4Address(net + 1), ia));
                _attachments[b.Name].Add((segment, new Ipv4Address(net + 2), ib));
            }
        }

        private void AddHosts(bool hasInternet)
        {
            var count = random.Next(2, 8);
            var lans = _segments.Keys.Where(s => !s.StartsWith("cable", StringComparison.Ordinal)).ToList();
            for (var i = 0; i < count; i++)
            {
                var segment = lans[random.Next(lans.Count)];
                if (segment == "Internet" && !hasInternet)
                {
                    continue;
                }

                var subnet = _segments[segment].Subnet;
                // Now and then an address someone else already has: duplicates must not confuse the analysis.
                var address = random.NextDouble() < 0.06 && _segments[segment].Used.Count > 0
                    ? new Ipv4Address(_segments[segment].Used.ElementAt(random.Next(_segments[segment].Used.Count)))
                    : Allocate(segment, low: false);
                var gateways = _attachments.Where(a => _devices.First(d => d.Name == a.Key).Kind != DeviceKind.Mx || IsRoutedMxLan(a.Key, segment))
                    .SelectMany(a => a.Value.Where(v => v.Segment == segment).Select(v => v.Address)).ToList();
                Ipv4Address? gateway = gateways.Count == 0 || random.NextDouble() < 0.1 ? null
                    : random.NextDouble() < 0.05 ? Unowned(segment) : gateways[random.Next(gateways.Count)];
                int[] ports = random.Next(5) switch { 0 => [], 1 => [443], 2 => [3389], 3 => [22, 80], _ => [4500] };
                int[] udp = random.NextDouble() < 0.2 ? [53] : [];
                var kind = random.NextDouble() < 0.3 ? DeviceKind.Server : DeviceKind.Host;
                var name = $"H{i}";
                // Mostly the usual 64; sometimes Windows' 128, or a TTL too small for a longer path.
                var ttl = random.Next(10) switch { 0 => 128, 1 => random.Next(1, 4), _ => HostSettings.DefaultTtl };
                _devices.Add(new Device(name, kind, default, [new DeviceInterface("eth0", new Ipv4Prefix(address, subnet.Length))], [],
                    gateway, new HostSettings(ports, udp, ttl)));
                if (random.NextDouble() > 0.04)
                {
                    // Now and then a host whose cable is missing.
                    _links.Add(new Link(new LinkEnd(name, "eth0"), new LinkEnd(segment)));
                }
            }
        }

        private bool IsRoutedMxLan(string device, string segment) =>
            _devices.First(d => d.Name == device).Mx is { Mode: MxMode.Routed } && _attachments[device].Any(a => a.Segment == segment && a.Interface == "lan");

        /// <summary>Static and default routes toward neighbours, drawn at random: some destinations stay unrouted, some routes loop.</summary>
        private void AddRoutes()
        {
            var subnets = _segments.Where(s => s.Key != "Internet").Select(s => s.Value.Subnet).Append(Ipv4Prefix.Parse("10.0.0.0/8")).ToList();
            foreach (var (name, attachments) in _attachments)
            {
                var neighbours = attachments.SelectMany(mine => _attachments.Where(o => o.Key != name)
                    .SelectMany(o => o.Value.Where(v => v.Segment == mine.Segment).Select(v => v.Address))).ToList();
                if (mine(name).Mx is { Mode: MxMode.Passthrough } || (mine(name).Mx is { } mx && mx.UplinkGateway is null))
                {
                    // A one-armed MX (or an MX without Internet) points its uplink at a neighbour on its segment.
                    if (neighbours.Count > 0)
                    {
                        var gateway = neighbours[random.Next(neighbours.Count)];
                        Replace(name, d => d with { Mx = d.Mx! with { UplinkGateway = gateway } });
                    }

                    continue;
                }

                if (neighbours.Count == 0)
                {
                    continue;
                }

                var routes = new List<StaticRoute>();
                foreach (var subnet in subnets.Where(s => !attachments.Any(a => _segments[a.Segment].Subnet == s)))
                {
                    if (random.NextDouble() < 0.5)
                    {
                        routes.Add(new StaticRoute(subnet, random.NextDouble() < 0.08 ? Unowned(attachments[0].Segment) : neighbours[random.Next(neighbours.Count)]));
                    }
                }

                if (mine(name).Mx is null && random.NextDouble() < 0.6)
                {
                    var internet = attachments.Any(a => a.Segment == "Internet");
                    routes.Add(new StaticRoute(Ipv4Prefix.Default, internet && random.NextDouble() < 0.7
                        ? Ipv4Address.Parse("203.0.113.1")
                        : neighbours[random.Next(neighbours.Count)]));
                }

                Replace(name, d => d with { Routes = routes });
            }
        }

        private void ConfigureVpn()
        {
            var mxs = _devices.Where(d => d.Mx is not null).Select(d => d.Name).ToList();
            foreach (var name in mxs)
            {
                var lans = _attachments[name].Where(a => a.Segment != "Internet").Select(a => _segments[a.Segment].Subnet).ToList();
                var others = _segments.Where(s => s.Key != "Internet").Select(s => s.Value.Subnet).ToList();
                var advertised = mine(name).Mx!.Mode == MxMode.Routed
                    ? lans.Where(l => random.NextDouble() < 0.8).ToList()
                    : others.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
                Replace(name, d => d with { Mx = d.Mx! with { AdvertisedSubnets = advertised } });
            }

            for (var i = 0; i < mxs.Count; i++)
            {
                for (var j = i + 1; j < mxs.Count; j++)
                {
                    if (random.NextDouble() < 0.7)
                    {
                        var (a, b) = (mxs[i], mxs[j]);
                        Replace(a, d => d with { Mx = d.Mx! with { VpnPeers = [.. d.Mx.VpnPeers, b] } });
                        Replace(b, d => d with { Mx = d.Mx! with { VpnPeers = [.. d.Mx.VpnPeers, a] } });
                    }
                }
            }
        }

        private void ConfigureFirewalls()
        {
            var prefixes = _segments.Values.Select(s => s.Subnet).Append(Ipv4Prefix.Default).Append(Ipv4Prefix.Parse("10.0.0.0/8")).ToList();
            var hostAddresses = _devices.Where(d => d.Kind.IsEndpoint()).Select(d => d.Interfaces[0].Address!.Value.Address).ToList();
            var passthrough = _devices.Where(d => d.Mx is { Mode: MxMode.Passthrough }).ToList();
            foreach (var firewall in _devices.Where(d => d.Firewall is not null).Select(d => d.Name).ToList())
            {
                var interfaces = mine(firewall).Interfaces.Select(i => i.Name).ToList();
                var outside = interfaces.Contains("outside") ? "outside" : interfaces[random.Next(interfaces.Count)];
                var nat = new List<NatRule>();
                if (random.NextDouble() < 0.5)
                {
                    nat.Add(new NatRule(NatKind.Pat, outside, InsideNetwork: prefixes[random.Next(prefixes.Count)]));
                }

                if (hostAddresses.Count > 0 && random.NextDouble() < 0.4)
                {
                    nat.Add(new NatRule(NatKind.Static, outside, PublicAddress: Ipv4Address.Parse($"203.0.113.{200 + random.Next(10)}"),
                        PrivateAddress: hostAddresses[random.Next(hostAddresses.Count)], NoProxyArp: random.NextDouble() < 0.3));
                }

                if (passthrough.Count > 0 && random.NextDouble() < 0.6)
                {
                    var mx = passthrough[random.Next(passthrough.Count)];
                    nat.Add(new NatRule(NatKind.PortForward, outside, Protocol.Udp, PublicPort: MxSettings.DefaultVpnPort,
                        PrivateAddress: mx.Interfaces[0].Address!.Value.Address));
                    if (random.NextDouble() < 0.7 && mine(firewall).FindInterface(outside)?.Address is { } publicAddress)
                    {
                        Replace(mx.Name, d => d with { Mx = d.Mx! with { PublicAddress = publicAddress.Address } });
                    }
                }

                var acl = new List<AclRule>();
                for (var k = random.Next(0, 5); k > 0; k--)
                {
                    var destination = random.NextDouble() < 0.3 && hostAddresses.Count > 0
                        ? new Ipv4Prefix(hostAddresses[random.Next(hostAddresses.Count)], 32)
                        : prefixes[random.Next(prefixes.Count)];
                    var protocol = random.Next(4) switch { 0 => Protocol.Tcp, 1 => Protocol.Udp, 2 => Protocol.Icmp, _ => Protocol.Any };
                    var ports = protocol is Protocol.Tcp or Protocol.Udp;
                    acl.Add(new AclRule(interfaces[random.Next(interfaces.Count)], random.NextDouble() < 0.7 ? AclAction.Permit : AclAction.Deny,
                        protocol, prefixes[random.Next(prefixes.Count)], destination,
                        DestinationPort: ports && random.NextDouble() < 0.3 ? (random.Next(2) == 0 ? 443 : new PortRange(1, 1023)) : null,
                        SourcePort: ports && random.NextDouble() < 0.15 ? new PortRange(1024, 65535) : null,
                        IcmpType: protocol == Protocol.Icmp && random.NextDouble() < 0.5 ? (random.Next(2) == 0 ? 0 : 8) : null));
                }

                var bypass = random.NextDouble() < 0.25
                    ? new List<TrafficSelector> { new(prefixes[random.Next(prefixes.Count)], prefixes[random.Next(prefixes.Count)]) }
                    : [];
                Replace(firewall, d => d with
                {
                    Firewall = d.Firewall! with { Nat = nat, Acl = acl, TcpStateBypass = bypass, SameSecurityIntraInterface = random.NextDouble() < 0.3 },
                });
            }
        }

        /// <summary>An address on the segment's subnet that nobody has: a next hop nobody answers ARP for.</summary>
        private Ipv4Address Unowned(string segment) => new(_segments[segment].Subnet.Network.Address.Value + (_segments[segment].Subnet.Length >= 30 ? 3u : 99u));

        private Ipv4Address Allocate(string segment, bool low)
        {
            var (subnet, used) = _segments[segment];
            var start = low ? 1u : 10u;
            for (var offset = start; ; offset++)
            {
                var candidate = subnet.Network.Address.Value + offset;
                if (used.Add(candidate))
                {
                    return new Ipv4Address(candidate);
                }
            }
        }

        private Device mine(string name) => _devices.First(d => d.Name == name);

        private void Replace(string name, Func<Device, Device> change)
        {
            var index = _devices.FindIndex(d => d.Name == name);
            _devices[index] = change(_devices[index]);
        }
    }
}
