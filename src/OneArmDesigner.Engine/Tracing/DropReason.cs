namespace OneArmDesigner.Engine.Tracing;

/// <summary>Why a packet was dropped: the fixed vocabulary of reason codes (docs/engine.md).</summary>
public enum DropReason
{
    /// <summary>A stateful firewall got a TCP packet that is not a SYN and matches no connection.</summary>
    NoSession,

    /// <summary>A connection exists but the packet is not valid in its state (an ACK before the SYN-ACK).</summary>
    InvalidTcpState,

    /// <summary>An access list, or the security-level rule (lower to higher needs a permit), refused it.</summary>
    AclDeny,

    /// <summary>Traffic between two interfaces of equal security level, without same-security-traffic permit.</summary>
    SameSecurityDenied,

    /// <summary>Traffic in and out of the same interface, without same-security-traffic permit intra-interface.</summary>
    HairpinDenied,

    NoRoute,
    NeighborUnreachable,
    Loop,
    TtlExceeded,

    /// <summary>The IPsec tunnel's outer packet could not reach the peer.</summary>
    VpnDown,

    /// <summary>Nothing listens on the destination port.</summary>
    PortClosed,

    /// <summary>A private address was sent onto the Internet.</summary>
    PrivateAddressOnInternet,

    /// <summary>The packet was addressed to a device that offers no such service (a router or firewall itself).</summary>
    NotListening,
}

public static class DropReasons
{
    public static string ToJsonName(this DropReason reason) => reason switch
    {
        DropReason.NoSession => "no-session",
        DropReason.InvalidTcpState => "invalid-tcp-state",
        DropReason.AclDeny => "acl-deny",
        DropReason.SameSecurityDenied => "same-security-denied",
        DropReason.HairpinDenied => "hairpin-denied",
        DropReason.NoRoute => "no-route",
        DropReason.NeighborUnreachable => "neighbor-unreachable",
        DropReason.Loop => "loop",
        DropReason.TtlExceeded => "ttl-exceeded",
        DropReason.VpnDown => "vpn-down",
        DropReason.PortClosed => "port-closed",
        DropReason.PrivateAddressOnInternet => "private-address-on-internet",
        DropReason.NotListening => "not-listening",
        _ => reason.ToString().ToLowerInvariant(),
    };

    public static IReadOnlyList<DropReason> All { get; } = Enum.GetValues<DropReason>();
}
