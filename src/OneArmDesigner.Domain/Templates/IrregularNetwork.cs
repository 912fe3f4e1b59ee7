using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Templates;

/// <summary>
/// A generated network shaped like real ones rather than like copies of one branch, for benchmarks and load tools:
/// every host on a subnet of its own, at varying depth behind routers and L3 switches. A data centre has an edge
/// firewall (PAT, a published DMZ server, a port forward to a one-armed concentrator on a transit VLAN, access
/// lists), a core switch, distribution routers with access switches below some of them, and an internal firewall in
/// front of a secure zone. Branches vary: a routed MX with one to four VLANs (some kept out of the VPN), a routed MX
/// with an L3 switch behind it, or a firewall with its own one-armed concentrator (on a transit VLAN, or, now and
/// then, on the LAN as in the guide's broken design). Every branch peers with the data centre; a few form regional
/// meshes. The same arguments always give the same design.
/// </summary>
public static class IrregularNetwork
{
    public const string DmzServer = "DMZ-Server";

    public static Design Generate(int hostSubnets, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hostSubnets, 20);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hostSubnets, 60_000);
        return new Generator(new Random(seed), hostSubnets).Build();
    }

    private sealed class Generator(Random random, int hostSubnets)
    {
        private readonly DesignBuilder _builder = new($"irregular-{hostSubnets}");
        private readonly List<string> _branchMxs = [];
        private int _branchSubnets;
        private int _uplinks;
        private int _transits;
        private int _hosts;

        public Design Build()
        {
            _builder.Describe($"A generated network of {hostSubnets} host subnets: a data centre and branches of several kinds, joined by AutoVPN.")
                .Internet("Internet", 0, 0);
            var dcSubnets = Math.Max(12, hostSubnets / 12);
            DataCentre(dcSubnets);
            var site = 0;
            while (_branchSubnets < hostSubnets - dcSubnets)
            {
                var left = hostSubnets - dcSubnets - _branchSubnets;
                var roll = random.NextDouble();
                if (roll < 0.5)
                {
                    RoutedBranch(site, Math.Min(left, random.Next(1, 5)));
                }
                else if (roll < 0.8)
                {
                    SwitchedBranch(site, Math.Min(left, random.Next(2, 7)));
                }
                else
                {
                    FirewalledBranch(site, Math.Min(left, random.Next(1, 4)));
                }

                site++;
            }

            RegionalMeshes();
            return _builder.Build();
        }

        private void DataCentre(int subnets)
        {
            var advertised = "10.128.0.0/9";
            _builder.Firewall("DC-FW", 0, 200, ("outside", "203.0.113.2/24", 0), ("inside", "10.255.255.1/30", 100),
                    ("transit", "172.31.0.1/29", 50), ("dmz", "192.168.100.1/24", 50))
                .Link("DC-FW:outside", "Internet")
                .Vlan("DC-Transit", 4000, "172.31.0.0/29", 200, 300).Link("DC-FW:transit", "DC-Transit")
                .ConcentratorMx("DC-MX", 200, 400, wan: "172.31.0.2/29", gateway: "172.31.0.1", publicAddress: "203.0.113.2", advertised)
                .Link("DC-MX:wan", "DC-Transit")
                .Vlan("DMZ", 4001, "192.168.100.0/24", -200, 300).Link("DC-FW:dmz", "DMZ")
                .Server(DmzServer, "192.168.100.10/24", "192.168.100.1", -200, 400, 443).Link($"{DmzServer}:eth0", "DMZ")
                .Route("DC-FW", "0.0.0.0/0", "203.0.113.1")
                .Route("DC-FW", "10.0.0.0/9", "172.31.0.2")
                .Route("DC-FW", "10.128.0.0/9", "10.255.255.2")
                .ConfigureFirewall("DC-FW", f => f with
                {
                    Nat =
                    [
                        new NatRule(NatKind.PortForward, "outside", Protocol.Udp, PublicPort: MxSettings.DefaultVpnPort, PrivateAddress: Ipv4Address.Parse("172.31.0.2")),
                        new NatRule(NatKind.Static, "outside", PublicAddress: Ipv4Address.Parse("203.0.113.10"), PrivateAddress: Ipv4Address.Parse("192.168.100.10")),
                        new NatRule(NatKind.Pat, "outside", InsideNetwork: Ipv4Prefix.Parse("10.128.0.0/9")),
                    ],
                    Acl =
                    [
                        new AclRule("outside", AclAction.Permit, Protocol.Udp, Ipv4Prefix.Default, Ipv4Prefix.Parse("203.0.113.2/32"), MxSettings.DefaultVpnPort),
                        new AclRule("outside", AclAction.Permit, Protocol.Tcp, Ipv4Prefix.Default, Ipv4Prefix.Parse("203.0.113.10/32"), 443),
                        new AclRule("transit", AclAction.Deny, Protocol.Tcp, Ipv4Prefix.Default, Ipv4Prefix.Parse("10.128.0.0/9"), 23),
                        .. TransitAccessList.For("transit", Ipv4Address.Parse("172.31.0.2"), [Ipv4Prefix.Parse("10.0.0.0/9")], [Ipv4Prefix.Parse("10.128.0.0/9"), Ipv4Prefix.Parse("192.168.100.0/24")]),
                        new AclRule("dmz", AclAction.Permit, Protocol.Tcp, Ipv4Prefix.Parse("192.168.100.0/24"), Ipv4Prefix.Default, 443),
                    ],
                });

            // The core switch: uplink to the firewall, some VLANs of its own, links down to distribution routers.
            var coreVlans = Math.Max(2, subnets / 4);
            var core = new List<(string, string)> { ("up", "10.255.255.2/30") };
            var dc = 0;
            for (var i = 0; i < coreVlans; i++, dc++)
            {
                core.Add(($"vlan{i}", $"{DcSubnet(dc)}.1/24"));
            }

            var distributions = Math.Max(2, subnets / 10);
            for (var d = 0; d < distributions; d++)
            {
                core.Add(($"dist{d}", $"10.255.{d}.1/30"));
            }

            _builder.L3Switch("DC-Core", 0, 500, [.. core]).Link("DC-Core:up", "DC-FW:inside").Route("DC-Core", "0.0.0.0/0", "10.255.255.1");
            for (var i = 0; i < coreVlans; i++)
            {
                HostSubnet("DC-Core", $"vlan{i}", DcSubnet(i), $"DC-{i}", i * 60 - 300, 650);
            }

            // An internal firewall in front of a secure zone, on the core's last distribution link.
            var secureFrom = dc;
            var remaining = subnets - coreVlans;
            var secure = Math.Min(3, Math.Max(1, remaining / 6));
            var secureInterfaces = new List<(string, string, int)> { ("outside", $"10.255.{distributions}.2/30", 0) };
            for (var i = 0; i < secure; i++)
            {
                secureInterfaces.Add(($"zone{i}", $"{DcSubnet(dc + i)}.1/24", 100));
            }

            _builder.Update("DC-Core", d => d with { Interfaces = [.. d.Interfaces, new DeviceInterface("secure", Ipv4Prefix.Parse($"10.255.{distributions}.1/30"))] })
                .Firewall("DC-IntFW", 600, 500, [.. secureInterfaces]).Link("DC-Core:secure", "DC-IntFW:outside")
                .Route("DC-IntFW", "0.0.0.0/0", $"10.255.{distributions}.1")
                .ConfigureFirewall("DC-IntFW", f => f with
                {
                    Acl =
                    [
                        new AclRule("outside", AclAction.Permit, Protocol.Tcp, Ipv4Prefix.Parse("10.0.0.0/8"), Ipv4Prefix.Parse("10.128.0.0/9"), 443),
                        new AclRule("outside", AclAction.Permit, Protocol.Icmp, Ipv4Prefix.Parse("10.128.0.0/9"), Ipv4Prefix.Parse("10.128.0.0/9")),
                    ],
                });
            for (var i = 0; i < secure; i++, dc++)
            {
                _builder.Route("DC-Core", $"{DcSubnet(dc)}.0/24", $"10.255.{distributions}.2");
                HostSubnet("DC-IntFW", $"zone{i}", DcSubnet(dc), $"DC-{dc}", 600 + i * 60, 650, servers: true);
            }

            // Distribution routers share the rest; some put an access switch below, one level deeper.
            remaining = subnets - dc;
            for (var d = 0; d < distributions; d++)
            {
                var share = remaining / (distributions - d);
                remaining -= share;
                var router = $"DC-Dist{d}";
                var x = d * 400 - 600;
                var interfaces = new List<(string, string)> { ("up", $"10.255.{d}.2/30") };
                var ownVlans = random.Next(2) == 0 ? share : Math.Max(1, share / 2);
                for (var i = 0; i < ownVlans; i++)
                {
                    interfaces.Add(($"vlan{i}", $"{DcSubnet(dc + i)}.1/24"));
                }

                _builder.Router(router, x, 800, [.. interfaces]).Link($"{router}:up", $"DC-Core:dist{d}").Route(router, "0.0.0.0/0", $"10.255.{d}.1");
                for (var i = 0; i < ownVlans; i++, dc++)
                {
                    _builder.Route("DC-Core", $"{DcSubnet(dc)}.0/24", $"10.255.{d}.2");
                    HostSubnet(router, $"vlan{i}", DcSubnet(dc), $"DC-{dc}", x + i * 50, 950);
                }

                if (share > ownVlans)
                {
                    var access = $"DC-Access{d}";
                    var below = new List<(string, string)> { ("up", $"10.254.{d}.2/30") };
                    for (var i = 0; i < share - ownVlans; i++)
                    {
                        below.Add(($"vlan{i}", $"{DcSubnet(dc + i)}.1/24"));
                    }

                    _builder.Update(router, r => r with { Interfaces = [.. r.Interfaces, new DeviceInterface("down", Ipv4Prefix.Parse($"10.254.{d}.1/30"))] })
                        .L3Switch(access, x, 1100, [.. below]).Link($"{access}:up", $"{router}:down").Route(access, "0.0.0.0/0", $"10.254.{d}.1");
                    for (var i = 0; i < share - ownVlans; i++, dc++)
                    {
                        _builder.Route(router, $"{DcSubnet(dc)}.0/24", $"10.254.{d}.2").Route("DC-Core", $"{DcSubnet(dc)}.0/24", $"10.255.{d}.2");
                        HostSubnet(access, $"vlan{i}", DcSubnet(dc), $"DC-{dc}", x + i * 50, 1250);
                    }
                }
            }
        }

        /// <summary>A routed MX with its VLANs; now and then one is kept out of the VPN.</summary>
        private void RoutedBranch(int site, int vlans)
        {
            var mx = $"B{site}-MX";
            var (x, y) = Place(site);
            var interfaces = new List<DeviceInterface>();
            var advertised = new List<Ipv4Prefix>();
            var subnets = new List<string>();
            for (var i = 0; i < vlans; i++)
            {
                var subnet = NextBranchSubnet();
                subnets.Add(subnet);
                interfaces.Add(new DeviceInterface($"vlan{i}", Ipv4Prefix.Parse($"{subnet}.1/24")));
                if (i == 0 || random.NextDouble() > 0.15)
                {
                    advertised.Add(Ipv4Prefix.Parse($"{subnet}.0/24"));
                }
            }

            interfaces.Add(new DeviceInterface("wan", Ipv4Prefix.Parse($"{NextUplink()}/15")));
            _builder.Router(mx, x, y, []).Update(mx, d => d with
            {
                Kind = DeviceKind.Mx,
                Interfaces = interfaces,
                Mx = new MxSettings(MxMode.Routed, "wan", Ipv4Address.Parse("198.18.0.1"), advertised, ["DC-MX"], Nat: true),
            }).Link($"{mx}:wan", "Internet");
            for (var i = 0; i < vlans; i++)
            {
                HostSubnet(mx, $"vlan{i}", subnets[i], $"B{site}-{i}", x + i * 40, y + 150);
            }

            Peer(mx);
        }

        /// <summary>A routed MX with an L3 switch behind it holding the VLANs, one level deeper.</summary>
        private void SwitchedBranch(int site, int vlans)
        {
            var (mx, sw) = ($"B{site}-MX", $"B{site}-SW");
            var (x, y) = Place(site);
            var transit = NextTransit();
            var subnets = Enumerable.Range(0, vlans).Select(_ => NextBranchSubnet()).ToList();
            _builder.Router(mx, x, y, []).Update(mx, d => d with
            {
                Kind = DeviceKind.Mx,
                Interfaces = [new DeviceInterface("lan", Ipv4Prefix.Parse($"{transit(1)}/29")), new DeviceInterface("wan", Ipv4Prefix.Parse($"{NextUplink()}/15"))],
                Mx = new MxSettings(MxMode.Routed, "wan", Ipv4Address.Parse("198.18.0.1"), [.. subnets.Select(s => Ipv4Prefix.Parse($"{s}.0/24"))], ["DC-MX"], Nat: true),
            }).Link($"{mx}:wan", "Internet")
                .L3Switch(sw, x, y + 100, [("up", $"{transit(2)}/29"), .. subnets.Select((s, i) => ($"vlan{i}", $"{s}.1/24"))])
                .Link($"{sw}:up", $"{mx}:lan").Route(sw, "0.0.0.0/0", transit(1));
            for (var i = 0; i < vlans; i++)
            {
                _builder.Route(mx, $"{subnets[i]}.0/24", transit(2));
                HostSubnet(sw, $"vlan{i}", subnets[i], $"B{site}-{i}", x + i * 40, y + 250);
            }

            Peer(mx);
        }

        /// <summary>A firewall at the edge with its own one-armed concentrator, usually on a transit VLAN.</summary>
        private void FirewalledBranch(int site, int vlans)
        {
            var (fw, mx) = ($"B{site}-FW", $"B{site}-MX");
            var (x, y) = Place(site);
            var uplink = NextUplink();
            var subnets = Enumerable.Range(0, vlans).Select(_ => NextBranchSubnet()).ToList();
            var broken = random.NextDouble() < 0.25;
            var transit = NextTransit();
            var interfaces = new List<(string, string, int)> { ("outside", $"{uplink}/15", 0), ("transit", $"{transit(1)}/29", 50) };
            interfaces.AddRange(subnets.Select((s, i) => ($"inside{i}", $"{s}.1/24", 100)));
            var concentrator = broken ? $"{subnets[0]}.2" : transit(2);
            _builder.Firewall(fw, x, y, [.. interfaces]).Link($"{fw}:outside", "Internet")
                .Vlan($"B{site}-Transit", 3000, $"{transit(0)}/29", x + 100, y + 50).Link($"{fw}:transit", $"B{site}-Transit")
                .ConcentratorMx(mx, x + 100, y + 120, wan: broken ? $"{concentrator}/24" : $"{concentrator}/29",
                    gateway: broken ? $"{subnets[0]}.1" : transit(1), publicAddress: uplink, [.. subnets.Select(s => $"{s}.0/24")])
                .Route(fw, "0.0.0.0/0", "198.18.0.1").Route(fw, "10.128.0.0/9", concentrator)
                .ConfigureFirewall(fw, f => f with
                {
                    Nat =
                    [
                        new NatRule(NatKind.PortForward, "outside", Protocol.Udp, PublicPort: MxSettings.DefaultVpnPort, PrivateAddress: Ipv4Address.Parse(concentrator)),
                        new NatRule(NatKind.Pat, "outside", InsideNetwork: Ipv4Prefix.Parse("10.0.0.0/8")),
                    ],
                    Acl =
                    [
                        new AclRule("outside", AclAction.Permit, Protocol.Udp, Ipv4Prefix.Default, Ipv4Prefix.Parse($"{uplink}/32"), MxSettings.DefaultVpnPort),
                        .. TransitAccessList.For("transit", Ipv4Address.Parse(concentrator), [Ipv4Prefix.Parse("10.128.0.0/9")], subnets.Select(s => Ipv4Prefix.Parse($"{s}.0/24"))),
                    ],
                    SameSecurityIntraInterface = broken,
                });
            _builder.Link($"{mx}:wan", broken ? $"B{site}-LAN0" : $"B{site}-Transit");
            for (var i = 0; i < vlans; i++)
            {
                HostSubnet(fw, $"inside{i}", subnets[i], $"B{site}-{i}", x + i * 40, y + 250, lan: $"B{site}-LAN{i}");
            }

            Peer(mx);
        }

        /// <summary>A VLAN with one host (or server) on it, behind <paramref name="gateway"/>'s interface.</summary>
        private void HostSubnet(string gateway, string gatewayInterface, string subnet, string name, double x, double y, bool servers = false, string? lan = null)
        {
            lan ??= $"{name}-LAN";
            var host = $"{name}-H";
            var ports = servers || random.NextDouble() < 0.3 ? new[] { random.Next(3) switch { 0 => 443, 1 => 3389, _ => 22 } } : [];
            _builder.Vlan(lan, 100 + (_hosts % 3000), $"{subnet}.0/24", x, y)
                .Link($"{gateway}:{gatewayInterface}", lan);
            if (ports.Length > 0)
            {
                _builder.Server(host, $"{subnet}.10/24", $"{subnet}.1", x, y + 60, ports);
            }
            else
            {
                _builder.Host(host, $"{subnet}.10/24", $"{subnet}.1", x, y + 60);
            }

            _builder.Link($"{host}:eth0", lan);
            _hosts++;
        }

        private void Peer(string mx)
        {
            _builder.VpnPeers(mx, "DC-MX");
            _branchMxs.Add(mx);
        }

        /// <summary>A few branches in each region of about forty peer with each other, besides the data centre.</summary>
        private void RegionalMeshes()
        {
            for (var start = 0; start + 4 <= _branchMxs.Count; start += 40)
            {
                var members = _branchMxs.Skip(start).Take(4).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        _builder.VpnPeers(members[i], members[j]);
                    }
                }
            }
        }

        private static string DcSubnet(int index) => $"10.{128 + index / 256}.{index % 256}";

        private string NextBranchSubnet()
        {
            var index = _branchSubnets++;
            return $"10.{index / 256}.{index % 256}";
        }

        private string NextUplink() => new Ipv4Address(Ipv4Address.Parse("198.18.0.0").Value + 16 + (uint)_uplinks++).ToString();

        /// <summary>The next /29 for a transit link or VLAN: its address at an offset, e.g. transit(1) for the first host.</summary>
        private Func<int, string> NextTransit()
        {
            var network = Ipv4Address.Parse("172.20.0.0").Value + 8 * (uint)_transits++;
            return offset => new Ipv4Address(network + (uint)offset).ToString();
        }

        private static (double X, double Y) Place(int site) => (site % 40 * 260 - 5000, 1600 + site / 40 * 420);
    }
}
