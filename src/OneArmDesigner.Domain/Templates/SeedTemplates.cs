using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Templates;

/// <summary>
/// The two scenarios of the one-armed concentrator guide: the concentrator sharing the hosts' subnet (the firewall
/// sees only half of each TCP flow and drops the SYN-ACK), and the fix with a transit VLAN between the firewall and
/// the concentrator. Public addresses come from the documentation ranges (RFC 5737).
/// </summary>
public static class SeedTemplates
{
    public const string AsymmetricName = "one-arm-asymmetric";
    public const string TransitVlanName = "one-arm-transit-vlan";

    /// <summary>Branch A: LaptopA behind MX80-A (routed), and the Internet. Shared by both scenarios.</summary>
    private static DesignBuilder BranchA(string name) => new DesignBuilder(name)
        .Host("LaptopA", "10.0.0.2/24", "10.0.0.1", 40, 200)
        .Vlan("LAN-A", 10, "10.0.0.0/24", 240, 200)
        .RoutedMx("MX80-A", 460, 200, lan: "10.0.0.1/24", wan: "198.51.100.2/24", wanGateway: "198.51.100.1", "10.0.0.0/24")
        .Internet("Internet", 680, 194)
        .Link("LaptopA:eth0", "LAN-A")
        .Link("MX80-A:lan", "LAN-A")
        .Link("MX80-A:wan", "Internet");

    /// <summary>
    /// MX80-B shares 192.168.1.0/24 with LaptopB. The SYN arrives through the tunnel and MX80-B hands it straight to
    /// LaptopB; LaptopB's SYN-ACK goes to its gateway, the ASA, which never saw the SYN and drops it.
    /// </summary>
    public static Design Asymmetric() => BranchA(AsymmetricName)
        .Describe("MX80-B is a one-armed concentrator on the same subnet as LaptopB, behind the ASA. RDP from LaptopA to LaptopB fails: the ASA sees the SYN-ACK but never the SYN.")
        .Firewall("ASA", 900, 200, ("outside", "203.0.113.2/24", 0), ("inside", "192.168.1.1/24", 100))
        .Vlan("LAN-B", 20, "192.168.1.0/24", 1120, 200)
        .ConcentratorMx("MX80-B", 1120, 400, wan: "192.168.1.2/24", gateway: "192.168.1.1", publicAddress: "203.0.113.2", "192.168.1.0/24")
        .Host("LaptopB", "192.168.1.3/24", "192.168.1.1", 1340, 200, 3389)
        .Link("ASA:outside", "Internet")
        .Link("ASA:inside", "LAN-B")
        .Link("MX80-B:wan", "LAN-B")
        .Link("LaptopB:eth0", "LAN-B")
        .Route("ASA", "0.0.0.0/0", "203.0.113.1")
        .Route("ASA", "10.0.0.0/24", "192.168.1.2")
        .ConfigureFirewall("ASA", f => ForwardAutoVpnTo(f, "192.168.1.2"))
        .VpnPeers("MX80-A", "MX80-B")
        .Build();

    /// <summary>
    /// The fix: MX80-B moves to a transit VLAN (172.16.1.0/24) with the ASA, so every flow between LaptopB and the
    /// VPN crosses the ASA in both directions.
    /// </summary>
    public static Design TransitVlan() => BranchA(TransitVlanName)
        .Describe("MX80-B sits on its own transit VLAN with the ASA, so the ASA sees both directions of every flow. RDP from LaptopA to LaptopB completes.")
        .Firewall("ASA", 900, 200, ("outside", "203.0.113.2/24", 0), ("inside", "192.168.1.1/24", 100), ("transit", "172.16.1.1/24", 50))
        .Vlan("LAN-B", 20, "192.168.1.0/24", 1120, 200)
        .Vlan("Transit VLAN", 30, "172.16.1.0/24", 900, 400)
        .ConcentratorMx("MX80-B", 1120, 400, wan: "172.16.1.2/24", gateway: "172.16.1.1", publicAddress: "203.0.113.2", "192.168.1.0/24")
        .Host("LaptopB", "192.168.1.3/24", "192.168.1.1", 1340, 200, 3389)
        .Link("ASA:outside", "Internet")
        .Link("ASA:inside", "LAN-B")
        .Link("ASA:transit", "Transit VLAN")
        .Link("MX80-B:wan", "Transit VLAN")
        .Link("LaptopB:eth0", "LAN-B")
        .Route("ASA", "0.0.0.0/0", "203.0.113.1")
        .Route("ASA", "10.0.0.0/24", "172.16.1.2")
        .ConfigureFirewall("ASA", f => ForwardAutoVpnTo(f, "172.16.1.2"))
        .ConfigureFirewall("ASA", f => f with
        {
            Acl = [.. f.Acl, .. TransitAccessList.For("transit", Addressing.Ipv4Address.Parse("172.16.1.2"),
                [Addressing.Ipv4Prefix.Parse("10.0.0.0/24")], [Addressing.Ipv4Prefix.Parse("192.168.1.0/24")])],
        })
        .VpnPeers("MX80-A", "MX80-B")
        .Build();

    /// <summary>
    /// The ASA's side of a one-armed concentrator: AutoVPN arriving on its public address (UDP 4500) is port-forwarded
    /// to the concentrator, and the outside access list lets it in (matched before NAT, so on the public address).
    /// </summary>
    private static FirewallSettings ForwardAutoVpnTo(FirewallSettings firewall, string concentrator) => firewall with
    {
        Nat = [new NatRule(NatKind.PortForward, "outside", Protocol.Udp, PublicPort: MxSettings.DefaultVpnPort,
            PrivateAddress: Addressing.Ipv4Address.Parse(concentrator))],
        Acl = [new AclRule("outside", AclAction.Permit, Protocol.Udp, Addressing.Ipv4Prefix.Default,
            Addressing.Ipv4Prefix.Parse("203.0.113.2/32"), MxSettings.DefaultVpnPort)],
    };
}
