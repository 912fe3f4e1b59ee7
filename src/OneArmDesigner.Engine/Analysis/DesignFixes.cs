using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>The outcome of applying a fix: a new design (the original is untouched), or why it could not be applied.</summary>
public sealed record FixResult(Design? Design, string? Error)
{
    public bool Succeeded => Design is not null;
}

/// <summary>
/// Mechanical fixes a finding offers, by id ("kind:device[:device]"). Each returns a new design.
/// </summary>
public static class DesignFixes
{
    public static string MoveToTransitVlan(string concentrator) => $"move-concentrator-to-transit-vlan:{concentrator}";

    public static string TcpStateBypass(string firewall) => $"enable-tcp-state-bypass:{firewall}";

    public static string IntraInterface(string firewall) => $"enable-same-security-intra-interface:{firewall}";

    public static FixResult Apply(Design design, string fixId)
    {
        var parts = fixId.Split(':');
        return parts switch
        {
            ["move-concentrator-to-transit-vlan", var mx] => TransitVlanFix.Apply(design, mx),
            ["enable-tcp-state-bypass", var firewall] => WithFirewall(design, firewall, (f, d) => f with
            {
                TcpStateBypass = [.. f.TcpStateBypass, .. VpnSelectors(design, d)],
                SameSecurityIntraInterface = true,
            }),
            ["enable-same-security-intra-interface", var firewall] => WithFirewall(design, firewall, (f, _) => f with { SameSecurityIntraInterface = true }),
            ["add-route-to-concentrator", var gateway, var mx] => RouteToConcentrator(design, gateway, mx),
            _ => new FixResult(null, $"'{fixId}' is not a fix; fixes are listed with each finding by `onearm validate`"),
        };
    }

    private static FixResult WithFirewall(Design design, string name, Func<FirewallSettings, Device, FirewallSettings> change)
    {
        var device = design.FindDevice(name);
        if (device?.Firewall is null)
        {
            return new FixResult(null, $"'{name}' is not a firewall in this design");
        }

        return new FixResult(Replace(design, device with { Firewall = change(device.Firewall, device) }), null);
    }

    /// <summary>Pairs of (remote VPN subnet, local subnet) for every concentrator whose gateway is this firewall.</summary>
    private static IEnumerable<TrafficSelector> VpnSelectors(Design design, Device firewall)
    {
        foreach (var mx in design.Devices.Where(d => d.Mx is { UplinkGateway: { } g } && firewall.Owns(g)))
        {
            foreach (var remote in mx.Mx!.VpnPeers.Select(design.FindDevice).SelectMany(p => p?.Mx?.AdvertisedSubnets ?? []))
            {
                foreach (var local in mx.Mx.AdvertisedSubnets)
                {
                    yield return new TrafficSelector(remote, local);
                }
            }
        }
    }

    private static FixResult RouteToConcentrator(Design design, string gatewayName, string mxName)
    {
        var gateway = design.FindDevice(gatewayName);
        var mx = design.FindDevice(mxName);
        if (gateway is null || mx?.Mx is null || mx.FindInterface(mx.Mx.Uplink)?.Address is not { } uplink)
        {
            return new FixResult(null, $"'{gatewayName}' or '{mxName}' is not in this design as a gateway and a concentrator");
        }

        var remote = mx.Mx.VpnPeers.Select(design.FindDevice).SelectMany(p => p?.Mx?.AdvertisedSubnets ?? []).ToList();
        var routes = gateway.Routes.Where(r => !remote.Contains(r.Prefix)).Concat(remote.Select(s => new StaticRoute(s, uplink.Address)));
        return new FixResult(Replace(design, gateway with { Routes = [.. routes] }), null);
    }

    internal static Design Replace(Design design, Device device) =>
        design with { Devices = [.. design.Devices.Select(d => d.Name == device.Name ? device : d)] };

    internal static Ipv4Prefix FreeTransitSubnet(Design design)
    {
        var used = design.Devices.SelectMany(d => d.Interfaces.Select(i => i.Address).OfType<Ipv4Prefix>().Select(p => p.Network))
            .Concat(design.Devices.Select(d => d.Vlan?.Subnet).OfType<Ipv4Prefix>()).ToList();
        for (var third = 1; third < 255; third++)
        {
            var candidate = Ipv4Prefix.Parse($"172.16.{third}.0/24");
            if (!used.Any(u => u.Overlaps(candidate)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No free 172.16.x.0/24 subnet is left for a transit VLAN.");
    }

    /// <summary>
    /// The wanted name, or with a number when it is taken: "transit2" for a one-word name (interface names carry no
    /// spaces on the devices they model), "Transit VLAN 2" for a name of several words.
    /// </summary>
    internal static string UniqueName(IEnumerable<string> taken, string wanted)
    {
        var names = taken.ToHashSet(StringComparer.Ordinal);
        var separator = wanted.Contains(' ', StringComparison.Ordinal) ? " " : "";
        var name = wanted;
        for (var n = 2; names.Contains(name); n++)
        {
            name = $"{wanted}{separator}{n}";
        }

        return name;
    }
}
