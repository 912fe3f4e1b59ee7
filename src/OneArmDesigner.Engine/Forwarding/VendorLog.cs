using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>The syslog lines a Cisco ASA writes for the drops the simulation models, in the ASA's own format.</summary>
internal static class VendorLog
{
    /// <summary>A TCP packet that is not a SYN and matches no connection ("first packet not SYN").</summary>
    public static string NoConnection(PacketHeader header, string ingress) =>
        $"%ASA-6-106015: Deny TCP (no connection) from {header.Source}/{header.SourcePort} to {header.Destination}/{header.DestinationPort} flags {header.Flags.ToLogText()} on interface {ingress}";

    /// <summary>Denied by an access list applied to the ingress interface.</summary>
    public static string AccessGroupDeny(PacketHeader header, string ingress, string egress) => header.Protocol == Protocol.Icmp
        ? $"%ASA-4-106023: Deny icmp src {ingress}:{header.Source} dst {egress}:{header.Destination} ({TypeAndCode(header)}) by access-group \"{ingress}_access_in\" [0x0, 0x0]"
        : $"%ASA-4-106023: Deny {header.Protocol.ToJsonName()} src {ingress}:{header.Source}/{header.SourcePort} dst {egress}:{header.Destination}/{header.DestinationPort} by access-group \"{ingress}_access_in\" [0x0, 0x0]";

    /// <summary>Denied by the implicit rule that lower-security traffic may not reach higher-security interfaces.</summary>
    public static string SecurityLevelDeny(PacketHeader header, string ingress, string egress) => header.Protocol switch
    {
        Protocol.Tcp => $"%ASA-2-106001: Inbound TCP connection denied from {header.Source}/{header.SourcePort} to {header.Destination}/{header.DestinationPort} flags {header.Flags.ToLogText()} on interface {ingress}",
        Protocol.Udp => $"%ASA-2-106006: Deny inbound UDP from {header.Source}/{header.SourcePort} to {header.Destination}/{header.DestinationPort} on interface {ingress}",
        _ => $"%ASA-3-106014: Deny inbound icmp src {ingress}:{header.Source} dst {egress}:{header.Destination} ({TypeAndCode(header)})",
    };

    /// <summary>
    /// An ICMP packet with no session on a firewall that inspects ICMP: an echo reply to no echo, or an error about no
    /// connection it knows ("laddr" is the address the packet came from, as the ASA prints it).
    /// </summary>
    public static string NoIcmpSession(PacketHeader header, string ingress) =>
        $"%ASA-4-313004: Denied ICMP type={header.Icmp?.Type ?? 0}, from laddr {header.Source} on interface {ingress} to {header.Destination}: no matching session";

    private static string TypeAndCode(PacketHeader header) => $"type {header.Icmp?.Type ?? IcmpTypes.Echo}, code {header.Icmp?.Code ?? 0}";
}
