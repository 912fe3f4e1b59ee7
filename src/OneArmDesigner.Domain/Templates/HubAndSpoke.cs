using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Templates;

/// <summary>
/// A generated AutoVPN hub-and-spoke network for scale tests and benchmarks: N branch sites, each a routed MX with one
/// host on its own 10.x.y.0/24 LAN, and a data centre where a one-armed concentrator sits on a transit VLAN behind a
/// stateful firewall that port-forwards AutoVPN to it, in front of a server listening on 443.
/// </summary>
public static class HubAndSpoke
{
    public const string Server = "DC-Server";
    public const int ServerPort = 443;

    public static string BranchHost(int site) => $"Host-{site}";

    public static Design Generate(int sites)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sites, 65_000);
        var builder = new DesignBuilder($"hub-and-spoke-{sites}")
            .Internet("Internet", 600, 0)
            .Firewall("DC-FW", 600, 200, ("outside", "203.0.113.2/24", 0), ("inside", "10.255.0.1/24", 100), ("transit", "172.16.0.1/24", 50))
            .Vlan("DC-LAN", 255, "10.255.0.0/24", 500, 360)
            .Vlan("DC-Transit", 254, "172.16.0.0/24", 700, 360)
            .Server(Server, "10.255.0.10/24", "10.255.0.1", 500, 480, ServerPort)
            .ConcentratorMx("DC-MX", 700, 480, wan: "172.16.0.2/24", gateway: "172.16.0.1", publicAddress: "203.0.113.2", "10.255.0.0/24")
            .Link("DC-FW:outside", "Internet").Link("DC-FW:inside", "DC-LAN").Link("DC-FW:transit", "DC-Transit")
            .Link($"{Server}:eth0", "DC-LAN").Link("DC-MX:wan", "DC-Transit")
            .Route("DC-FW", "0.0.0.0/0", "203.0.113.1")
            .Route("DC-FW", "10.0.0.0/8", "172.16.0.2")
            .ConfigureFirewall("DC-FW", f => f with
            {
                Nat = [new NatRule(NatKind.PortForward, "outside", Protocol.Udp, PublicPort: MxSettings.DefaultVpnPort, PrivateAddress: Ipv4Address.Parse("172.16.0.2"))],
                Acl =
                [
                    new AclRule("outside", AclAction.Permit, Protocol.Udp, Ipv4Prefix.Default, Ipv4Prefix.Parse("203.0.113.2/32"), MxSettings.DefaultVpnPort),
                    .. TransitAccessList.For("transit", Ipv4Address.Parse("172.16.0.2"), [Ipv4Prefix.Parse("10.0.0.0/8")], [Ipv4Prefix.Parse("10.255.0.0/24")]),
                ],
            });

        var peers = new List<string>(sites);
        for (var site = 0; site < sites; site++)
        {
            var (second, third) = (site / 256, site % 256);
            var lan = $"10.{second}.{third}";
            var wan = new Ipv4Address(Ipv4Address.Parse("198.18.0.0").Value + 10 + (uint)site);
            var mx = $"MX-{site}";
            var (x, y) = (site % 40 * 120, 700 + (site / 40 * 160));
            builder.Host(BranchHost(site), $"{lan}.10/24", $"{lan}.1", x, y + 100)
                .Vlan($"LAN-{site}", 100, $"{lan}.0/24", x, y + 50)
                .RoutedMx(mx, x, y, lan: $"{lan}.1/24", wan: $"{wan}/15", wanGateway: "198.18.0.1", $"{lan}.0/24")
                .Link($"{BranchHost(site)}:eth0", $"LAN-{site}").Link($"{mx}:lan", $"LAN-{site}").Link($"{mx}:wan", "Internet")
                .Update(mx, d => d with { Mx = d.Mx! with { VpnPeers = ["DC-MX"] } });
            peers.Add(mx);
        }

        return builder.Update("DC-MX", d => d with { Mx = d.Mx! with { VpnPeers = peers } }).Build();
    }
}
