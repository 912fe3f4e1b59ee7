using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>
/// An ASA-like stateful firewall's options, NAT rules and interface access lists. <see cref="SameSecurityInterInterface"/>
/// is ASA <c>same-security-traffic permit inter-interface</c>: flows between two interfaces of equal security level
/// pass without an access list, as higher-to-lower flows do.
/// </summary>
public sealed record FirewallSettings(
    bool Stateful,
    bool SameSecurityIntraInterface,
    IReadOnlyList<TrafficSelector> TcpStateBypass,
    IReadOnlyList<NatRule> Nat,
    IReadOnlyList<AclRule> Acl,
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
public sealed record NatRule(
    NatKind Kind,
    string OutsideInterface,
    Protocol Protocol = Protocol.Any,
    Ipv4Address? PublicAddress = null,
    int? PublicPort = null,
    Ipv4Address? PrivateAddress = null,
    int? PrivatePort = null,
    Ipv4Prefix? InsideNetwork = null)
{
    /// <summary>The rule as a firewall engineer reads it, e.g. "port forward udp outside:4500 ⇄ 192.168.1.2:4500 on outside".</summary>
    public override string ToString() => Kind switch
    {
        NatKind.Static => $"static NAT {PrivateAddress} ⇄ {PublicAddress?.ToString() ?? OutsideInterface} on {OutsideInterface}",
        NatKind.PortForward => $"port forward {Protocol.ToJsonName()} {PublicAddress?.ToString() ?? OutsideInterface}:{PublicPort} ⇄ {PrivateAddress}:{PrivatePort ?? PublicPort} on {OutsideInterface}",
        _ => $"PAT of {InsideNetwork} behind {OutsideInterface}",
    };
}

public enum AclAction
{
    Permit,
    Deny,
}

/// <summary>One entry of the access list applied inbound on <see cref="Interface"/>; entries are checked in order.</summary>
public sealed record AclRule(
    string Interface,
    AclAction Action,
    Protocol Protocol,
    Ipv4Prefix Source,
    Ipv4Prefix Destination,
    int? DestinationPort = null)
{
    /// <summary>The entry in ASA style, e.g. "permit udp 0.0.0.0/0 203.0.113.2/32 eq 4500".</summary>
    public override string ToString() =>
        $"{(Action == AclAction.Permit ? "permit" : "deny")} {Protocol.ToJsonName()} {Source} {Destination}{(DestinationPort is { } port ? $" eq {port}" : "")}";
}
