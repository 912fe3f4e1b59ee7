using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Import.Tests;

/// <summary>
/// Random designs of ASA-like firewalls, for the round-trip property: each firewall has an outside interface on a
/// public /24 (with a host out there on the Internet and a default route to the provider), one to three LANs with
/// hosts, and sometimes a transit subnet to the next firewall with routes across it; then random security levels,
/// same-security-traffic, NAT (PAT, static with or without proxy ARP, port forwards), access-list lines (source and
/// destination ports and ranges, ICMP types and codes), tcp-state-bypass, ICMP inspection and TTL decrement.
/// Everything is what an ASA can say: the property is that saying it and reading it back changes no simulation.
/// </summary>
internal static class RandomFirewallDesigns
{
    public static readonly int[] Ports = [22, 80, 443];

    public const int UdpPort = 53;

    /// <summary>The source port of the UDP flows (the TCP flows use the engine's default, 5000).</summary>
    public const int UdpSourcePort = 123;

    /// <summary>Source ports an access-list line may match: the flows' own, ranges around and beside them.</summary>
    private static readonly PortRange[] SourcePorts = [Flow.DefaultSourcePort, UdpSourcePort, new(1024, 65535), new(1, 1023), new(4990, 5010), 4999];

    /// <summary>
    /// ICMP messages a line may match: those the flows send (echo, echo reply, port unreachable), with the code they
    /// carry, and, as often, with a code that misses them.
    /// </summary>
    private static readonly (int Type, int? Code)[] IcmpMessages =
        [(IcmpTypes.Echo, null), (IcmpTypes.EchoReply, null), (IcmpTypes.Unreachable, null), (IcmpTypes.EchoReply, 0),
            (IcmpTypes.Unreachable, IcmpTypes.PortUnreachableCode), (IcmpTypes.Echo, 1), (IcmpTypes.EchoReply, 3), (IcmpTypes.Unreachable, 1)];

    public static Design Create(int seed)
    {
        var random = new Random(seed);
        var builder = new DesignBuilder($"random {seed}").Internet();
        var firewalls = random.Next(1, 4);
        var lans = new List<(string Firewall, string Interface, Ipv4Prefix Subnet)>();
        var hosts = new List<Ipv4Address>();
        for (var f = 0; f < firewalls; f++)
        {
            var name = $"fw{f}";
            var interfaces = new List<(string, string, int)> { ("outside", $"203.0.{f + 1}.2/24", 0) };
            var lanCount = random.Next(1, 4);
            for (var l = 0; l < lanCount; l++)
            {
                interfaces.Add(($"lan{l}", $"10.{f}.{l}.1/24", random.Next(3) switch { 0 => 50, 1 => 100, _ => 80 }));
            }

            if (f > 0)
            {
                interfaces.Add(("transit", $"172.16.{f}.{2}/24", random.Next(2) == 0 ? 50 : 100));
            }

            if (f < firewalls - 1)
            {
                interfaces.Add(("next", $"172.16.{f + 1}.1/24", random.Next(2) == 0 ? 50 : 100));
            }

            builder.Firewall(name, 0, 0, [.. interfaces]).Link($"{name}:outside", "Internet").Route(name, "0.0.0.0/0", $"203.0.{f + 1}.1");
            var webHost = $"web{f}";
            builder.Server(webHost, $"203.0.{f + 1}.50/24", $"203.0.{f + 1}.1", 0, 0, Ports)
                .Update(webHost, d => d with { Host = d.Host! with { UdpPorts = [UdpPort] } })
                .Link($"{webHost}:eth0", "Internet");
            hosts.Add(Ipv4Address.Parse($"203.0.{f + 1}.50"));
            for (var l = 0; l < lanCount; l++)
            {
                var segment = $"{name}-lan{l}";
                builder.Vlan(segment, 100 + (f * 10) + l, $"10.{f}.{l}.0/24").Link($"{name}:lan{l}", segment);
                lans.Add((name, $"lan{l}", Ipv4Prefix.Parse($"10.{f}.{l}.0/24")));
                for (var h = 0; h < random.Next(1, 3); h++)
                {
                    var host = $"h{f}{l}{h}";
                    int[] udp = random.Next(3) > 0 ? [UdpPort] : [];
                    builder.Host(host, $"10.{f}.{l}.{10 + h}/24", $"10.{f}.{l}.1", 0, 0, [.. Ports.Where(_ => random.Next(3) > 0)])
                        .Update(host, d => d with { Host = d.Host! with { UdpPorts = udp } })
                        .Link($"{host}:eth0", segment);
                    hosts.Add(Ipv4Address.Parse($"10.{f}.{l}.{10 + h}"));
                }
            }
        }

        for (var f = 1; f < firewalls; f++)
        {
            var transit = $"transit{f}";
            builder.Vlan(transit, 300 + f, $"172.16.{f}.0/24").Link($"fw{f - 1}:next", transit).Link($"fw{f}:transit", transit);
            foreach (var lan in lans.Where(l => l.Firewall == $"fw{f}"))
            {
                builder.Route($"fw{f - 1}", lan.Subnet.ToString(), $"172.16.{f}.2");
            }

            foreach (var lan in lans.Where(l => l.Firewall == $"fw{f - 1}"))
            {
                builder.Route($"fw{f}", lan.Subnet.ToString(), $"172.16.{f}.1");
            }
        }

        for (var f = 0; f < firewalls; f++)
        {
            var own = lans.Where(l => l.Firewall == $"fw{f}").ToList();
            builder.ConfigureFirewall($"fw{f}", settings => RandomRules(random, settings, f, own, lans, hosts));
        }

        return builder.Build();
    }

    private static FirewallSettings RandomRules(Random random, FirewallSettings settings, int f, List<(string Firewall, string Interface, Ipv4Prefix Subnet)> own,
        List<(string Firewall, string Interface, Ipv4Prefix Subnet)> lans, List<Ipv4Address> hosts)
    {
        var outside = Ipv4Address.Parse($"203.0.{f + 1}.2");
        var nat = new List<NatRule>();
        var ownHosts = hosts.Where(h => own.Any(l => l.Subnet.Contains(h))).ToList();
        if (random.Next(3) > 0)
        {
            nat.Add(new NatRule(NatKind.Pat, "outside", InsideNetwork: Pick(random, own).Subnet));
        }

        if (ownHosts.Count > 0 && random.Next(2) == 0)
        {
            var port = Pick(random, Ports);
            nat.Add(new NatRule(NatKind.PortForward, "outside", Protocol.Tcp, PublicPort: 8000 + port, PrivateAddress: Pick(random, ownHosts), PrivatePort: port));
        }

        if (ownHosts.Count > 0 && random.Next(2) == 0)
        {
            nat.Add(new NatRule(NatKind.Static, "outside", PublicAddress: Ipv4Address.Parse($"203.0.{f + 1}.{100 + random.Next(50)}"), PrivateAddress: Pick(random, ownHosts),
                NoProxyArp: random.Next(2) == 0));
        }

        var prefixes = lans.Select(l => l.Subnet).Concat(hosts.Select(h => new Ipv4Prefix(h, 32))).Append(Ipv4Prefix.Default)
            .Append(new Ipv4Prefix(outside, 32)).Append(Ipv4Prefix.Parse("10.0.0.0/8")).ToList();
        var interfaces = own.Select(l => l.Interface).Append("outside").ToList();
        var acl = new List<AclRule>();
        for (var i = random.Next(0, 10); i > 0; i--)
        {
            var protocol = Pick(random, new[] { Protocol.Any, Protocol.Tcp, Protocol.Tcp, Protocol.Udp, Protocol.Icmp, Protocol.Icmp });
            var ported = protocol is Protocol.Tcp or Protocol.Udp ? random.Next(3) > 0 : protocol == Protocol.Any && random.Next(5) == 0;
            PortRange? port = ported ? RandomPorts(random, protocol == Protocol.Tcp ? Pick(random, Ports) : UdpPort) : null;
            PortRange? sourcePort = protocol != Protocol.Icmp && random.Next(2) == 0 ? Pick(random, SourcePorts) : null;
            var (icmpType, icmpCode) = protocol == Protocol.Icmp && random.Next(4) > 0 ? Pick(random, IcmpMessages) : ((int?)null, (int?)null);
            acl.Add(new AclRule(Pick(random, interfaces), random.Next(4) == 0 ? AclAction.Deny : AclAction.Permit, protocol,
                Pick(random, prefixes), Pick(random, prefixes), port, sourcePort, icmpType, icmpCode));
        }

        var bypass = own.Count > 0 && random.Next(4) == 0 ? [new TrafficSelector(Pick(random, own).Subnet, Pick(random, lans).Subnet)] : new List<TrafficSelector>();
        return settings with
        {
            Nat = nat,
            Acl = acl,
            TcpStateBypass = bypass,
            SameSecurityIntraInterface = random.Next(3) == 0,
            SameSecurityInterInterface = random.Next(3) == 0,
            InspectIcmp = random.Next(2) == 0,
            DecrementTtl = random.Next(3) == 0,
        };
    }

    /// <summary>Destination ports around a port a flow uses: the port itself, ranges that hold it, and ones that miss it.</summary>
    private static PortRange RandomPorts(Random random, int port) => random.Next(8) switch
    {
        0 => new PortRange(port - 2, port + 2),
        1 => new PortRange(PortRange.Lowest, port),
        2 => new PortRange(port, PortRange.Highest),
        3 => new PortRange(PortRange.Lowest, port - 1),
        4 => new PortRange(PortRange.Lowest, PortRange.Highest),
        5 => 8000 + port,
        _ => port,
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
