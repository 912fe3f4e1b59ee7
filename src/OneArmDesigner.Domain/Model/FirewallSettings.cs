using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>An ASA-like stateful firewall's options, NAT rules and interface access lists.</summary>
/// <param name="InspectIcmp">
/// ASA <c>inspect icmp</c> (not in the default global policy): echo requests open a session, replies and ICMP errors must
/// match one. Without it the firewall keeps no ICMP state and filters every ICMP packet by access list alone.
/// </param>
/// <param name="DecrementTtl">
/// ASA <c>set connection decrement-ttl</c>: by default an ASA forwards without spending TTL, so it never drops a packet
/// for TTL and is invisible to traceroute.
/// </param>
/// <param name="SameSecurityInterInterface">
/// ASA <c>same-security-traffic permit inter-interface</c>: flows between two interfaces of equal security level pass
/// without an access list, as higher-to-lower flows do.
/// </param>
public sealed record FirewallSettings(
    bool Stateful,
    bool SameSecurityIntraInterface,
    IReadOnlyList<TrafficSelector> TcpStateBypass,
    IReadOnlyList<NatRule> Nat,
    IReadOnlyList<AclRule> Acl,
    bool InspectIcmp = false,
    bool DecrementTtl = false,
    bool SameSecurityInterInterface = false)
{
    public static FirewallSettings Default { get; } = new(Stateful: true, SameSecurityIntraInterface: false, [], [], []);
}

/// <summary>Flows from <see cref="Source"/> to <see cref="Destination"/> (either direction matches for tcp-state-bypass).</summary>
public sealed record TrafficSelector(Ipv4Prefix Source, Ipv4Prefix Destination)
{
    public override string ToString() => $"{Source} ↔ {Destination}";

    public bool Matches(Ipv4Address source, Ipv4Address destination) =>
        (Source.Contains(source) && Destination.Contains(destination))
        || (Source.Contains(destination) && Destination.Contains(source));
}

public enum NatKind
{
    /// <summary>One public address stands for one private address, all ports.</summary>
    Static,

    /// <summary>One public address and port forward to one private address and port (static PAT).</summary>
    PortForward,

    /// <summary>Inside sources leave with the outside interface's address (dynamic PAT).</summary>
    Pat,
}

/// <summary>
/// A NAT rule. For <see cref="NatKind.Static"/> and <see cref="NatKind.PortForward"/>, traffic arriving on
/// <see cref="OutsideInterface"/> for <see cref="PublicAddress"/>[:<see cref="PublicPort"/>] is sent to
/// <see cref="PrivateAddress"/>[:<see cref="PrivatePort"/>], and replies are translated back. For
/// <see cref="NatKind.Pat"/>, sources in <see cref="InsideNetwork"/> leaving through <see cref="OutsideInterface"/>
/// take that interface's address.
/// </summary>
/// <param name="NoProxyArp">
/// ASA <c>no-proxy-arp</c>: the firewall does not answer ARP for <see cref="PublicAddress"/> on the outside interface's
/// subnet, so neighbours there cannot reach the mapped address unless they route it to the firewall.
/// </param>
public sealed record NatRule(
    NatKind Kind,
    string OutsideInterface,
    Protocol Protocol = Protocol.Any,
    Ipv4Address? PublicAddress = null,
    int? PublicPort = null,
    Ipv4Address? PrivateAddress = null,
    int? PrivatePort = null,
    Ipv4Prefix? InsideNetwork = null,
    bool NoProxyArp = false)
{
    /// <summary>The rule as a firewall engineer reads it, e.g. "port forward udp outside:4500 ⇄ 192.168.1.2:4500 on outside".</summary>
    public override string ToString() => Kind switch
    {
        NatKind.Static => $"static NAT {PrivateAddress} ⇄ {PublicAddress?.ToString() ?? OutsideInterface} on {OutsideInterface}{(NoProxyArp ? " no-proxy-arp" : "")}",
        NatKind.PortForward => $"port forward {Protocol.ToJsonName()} {PublicAddress?.ToString() ?? OutsideInterface}:{PublicPort} ⇄ {PrivateAddress}:{PrivatePort ?? PublicPort} on {OutsideInterface}{(NoProxyArp ? " no-proxy-arp" : "")}",
        _ => $"PAT of {InsideNetwork} behind {OutsideInterface}",
    };
}

public enum AclAction
{
    Permit,
    Deny,
}

/// <summary>
/// One entry of the access list applied inbound on <see cref="Interface"/>; entries are checked in order. Ports match
/// TCP and UDP only (a <see cref="Protocol.Any"/> entry with ports matches TCP and UDP on them); <see cref="IcmpType"/>
/// and <see cref="IcmpCode"/> need <see cref="Protocol.Icmp"/>.
/// </summary>
public sealed record AclRule(
    string Interface,
    AclAction Action,
    Protocol Protocol,
    Ipv4Prefix Source,
    Ipv4Prefix Destination,
    PortRange? DestinationPort = null,
    PortRange? SourcePort = null,
    int? IcmpType = null,
    int? IcmpCode = null)
{
    /// <summary>The entry in ASA order, e.g. "permit udp 0.0.0.0/0 203.0.113.2/32 eq 4500" or "permit icmp any any echo-reply".</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        text.Append(Action == AclAction.Permit ? "permit " : "deny ").Append(Protocol.ToJsonName()).Append(' ').Append(Source);
        if (SourcePort is { } sourcePort)
        {
            text.Append(' ').Append(sourcePort.ToString());
        }

        text.Append(' ').Append(Destination);
        if (DestinationPort is { } destinationPort)
        {
            text.Append(' ').Append(destinationPort.ToString());
        }

        if (IcmpType is { } type)
        {
            text.Append(' ').Append(IcmpTypes.Keyword(type));
            if (IcmpCode is { } code)
            {
                text.Append(' ').Append(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
