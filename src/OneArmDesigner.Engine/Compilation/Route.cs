using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Engine.Compilation;

public enum RouteKind
{
    Connected,
    Static,
    Vpn,
    Default,
}

/// <summary>
/// A forwarding entry. A connected route has no next hop (the destination itself is the neighbour); a VPN route
/// names the peer MX whose advertised subnet it is.
/// </summary>
public sealed record Route(Ipv4Prefix Prefix, RouteKind Kind, Ipv4Address? NextHop, string? Interface, string? VpnPeer = null)
{
    public override string ToString() => Kind switch
    {
        RouteKind.Connected => $"{Prefix} connected on {Interface}",
        RouteKind.Vpn => $"{Prefix} via VPN peer {VpnPeer}",
        RouteKind.Default => $"default route 0.0.0.0/0 via {NextHop}",
        _ => $"{Prefix} via {NextHop} (static)",
    };
}
