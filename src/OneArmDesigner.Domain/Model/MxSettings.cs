using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

public enum MxMode
{
    /// <summary>The MX is the LAN's gateway and NATs LAN traffic to the Internet through its WAN uplink.</summary>
    Routed,

    /// <summary>One-armed VPN concentrator: one uplink on a LAN, no NAT, no DHCP.</summary>
    Passthrough,
}

/// <summary>
/// A Meraki MX's mode and AutoVPN settings. <see cref="Uplink"/> names the Internet-side interface (the only one in
/// passthrough mode). Peers reach this MX at <see cref="PublicAddress"/>:<see cref="VpnPort"/>, which may be a
/// firewall's address that port-forwards to the MX; when absent, the uplink's own address is used.
/// </summary>
public sealed record MxSettings(
    MxMode Mode,
    string Uplink,
    Ipv4Address? UplinkGateway,
    IReadOnlyList<Ipv4Prefix> AdvertisedSubnets,
    IReadOnlyList<string> VpnPeers,
    Ipv4Address? PublicAddress = null,
    int VpnPort = MxSettings.DefaultVpnPort,
    bool Nat = false,
    bool Dhcp = false)
{
    /// <summary>AutoVPN's usual UDP port; the outer packets of the tunnel use it at both ends.</summary>
    public const int DefaultVpnPort = 4500;
}
