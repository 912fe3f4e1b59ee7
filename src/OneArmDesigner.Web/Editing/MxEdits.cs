using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Editing;

/// <summary>The MX settings whose change reaches past one field: the mode, and AutoVPN peerings, which are mutual.</summary>
public static class MxEdits
{
    /// <summary>
    /// Routed mode makes the MX the LAN's gateway: it gets a "lan" interface if it has none and NATs to the Internet.
    /// Passthrough (one-armed concentrator) mode turns NAT and DHCP off, as the dashboard does.
    /// </summary>
    public static Design SetMode(Design design, string device, MxMode mode) => DesignEdits.UpdateDevice(design, device, d =>
    {
        var mx = d.Mx!;
        if (mode == MxMode.Passthrough)
        {
            return d with { Mx = mx with { Mode = mode, Nat = false, Dhcp = false } };
        }

        var interfaces = d.Interfaces.Any(i => i.Name != mx.Uplink) ? d.Interfaces : [.. d.Interfaces, new DeviceInterface("lan", null)];
        return d with { Interfaces = interfaces, Mx = mx with { Mode = mode, Nat = true } };
    });

    /// <summary>Peers (or un-peers) two MX units, on both sides at once.</summary>
    public static Design SetPeering(Design design, string a, string b, bool peered)
    {
        Device Change(Device d, string other) => d with
        {
            Mx = d.Mx! with
            {
                VpnPeers = peered
                    ? d.Mx.VpnPeers.Contains(other) ? d.Mx.VpnPeers : [.. d.Mx.VpnPeers, other]
                    : [.. d.Mx.VpnPeers.Where(p => p != other)],
            },
        };

        return DesignEdits.UpdateDevice(DesignEdits.UpdateDevice(design, a, d => Change(d, b)), b, d => Change(d, a));
    }
}
