using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>
/// An ASA at the Internet edge, in a few lines: PC (10.0.0.10) on the inside, hidden behind the outside address by PAT;
/// Web (172.16.0.10, TCP 443) in a DMZ, published as 203.0.113.133 by static NAT; Remote (198.51.100.10, TCP 22, UDP 53)
/// out on the Internet. The outside access list lets HTTPS in to the published address and nothing else.
/// </summary>
internal static class EdgeNetwork
{
    public const string MappedWeb = "203.0.113.133";

    public static DesignBuilder Builder() => new DesignBuilder("edge")
        .Host("PC", "10.0.0.10/24", "10.0.0.1")
        .Server("Web", "172.16.0.10/24", "172.16.0.1", tcpPorts: 443)
        .Server("Remote", "198.51.100.10/24", "198.51.100.1", tcpPorts: 22)
        .Update("Remote", d => d with { Host = d.Host! with { UdpPorts = [53] } })
        .Vlan("LAN", 10, "10.0.0.0/24").Vlan("DMZ", 20, "172.16.0.0/24").Internet()
        .Firewall("ASA", 0, 0, ("inside", "10.0.0.1/24", 100), ("dmz", "172.16.0.1/24", 50), ("outside", "203.0.113.2/24", 0))
        .Route("ASA", "0.0.0.0/0", "203.0.113.1")
        .ConfigureFirewall("ASA", f => f with
        {
            Nat =
            [
                new NatRule(NatKind.Pat, "outside", InsideNetwork: Ipv4Prefix.Parse("10.0.0.0/24")),
                new NatRule(NatKind.Static, "outside", PublicAddress: Ipv4Address.Parse(MappedWeb), PrivateAddress: Ipv4Address.Parse("172.16.0.10")),
            ],
            Acl = [Permit("outside", Protocol.Tcp, "0.0.0.0/0", MappedWeb + "/32", destinationPort: 443)],
        })
        .Link("PC:eth0", "LAN").Link("ASA:inside", "LAN")
        .Link("Web:eth0", "DMZ").Link("ASA:dmz", "DMZ")
        .Link("ASA:outside", "Internet").Link("Remote:eth0", "Internet");

    public static Design Design(Func<FirewallSettings, FirewallSettings>? asa = null) =>
        Builder().ConfigureFirewall("ASA", asa ?? (f => f)).Build();

    public static AclRule Permit(string on, Protocol protocol, string source, string destination, PortRange? destinationPort = null,
        PortRange? sourcePort = null, int? icmpType = null, int? icmpCode = null) =>
        new(on, AclAction.Permit, protocol, Ipv4Prefix.Parse(source), Ipv4Prefix.Parse(destination), destinationPort, sourcePort, icmpType, icmpCode);

    public static AclRule Deny(string on, Protocol protocol, string source, string destination, PortRange? destinationPort = null,
        PortRange? sourcePort = null, int? icmpType = null) =>
        new(on, AclAction.Deny, protocol, Ipv4Prefix.Parse(source), Ipv4Prefix.Parse(destination), destinationPort, sourcePort, icmpType);
}
