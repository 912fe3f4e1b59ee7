using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// The guide's fix for asymmetric routing through a one-armed concentrator: give the concentrator its own transit
/// VLAN with the firewall that is its gateway, so every flow between the LAN and the VPN crosses the firewall in both
/// directions. Re-addresses the concentrator, and moves the firewall's port forward, routes and access list with it.
/// </summary>
internal static class TransitVlanFix
{
    public static FixResult Apply(Design design, string concentratorName)
    {
        var mx = design.FindDevice(concentratorName);
        if (mx?.Mx is not { Mode: MxMode.Passthrough, UplinkGateway: { } gateway } settings || mx.FindInterface(settings.Uplink)?.Address is not { } oldUplink)
        {
            return new FixResult(null, $"'{concentratorName}' is not a one-armed (passthrough) MX with an addressed uplink and a gateway");
        }

        var firewall = design.Devices.FirstOrDefault(d => d.Firewall is not null && d.Owns(gateway));
        if (firewall is null)
        {
            return new FixResult(null, $"{concentratorName}'s gateway {gateway} is not a firewall; this fix moves a concentrator next to the firewall that should see its traffic");
        }

        var subnet = DesignFixes.FreeTransitSubnet(design);
        var firewallAddress = new Ipv4Address(subnet.Address.Value + 1);
        var concentratorAddress = new Ipv4Address(subnet.Address.Value + 2);
        var vlanName = DesignFixes.UniqueName(design.Devices.Select(d => d.Name), "Transit VLAN");
        var transit = DesignFixes.UniqueName(firewall.Interfaces.Select(i => i.Name), "transit");
        var old = oldUplink.Address;

        var remote = settings.VpnPeers.Select(design.FindDevice).SelectMany(p => p?.Mx?.AdvertisedSubnets ?? []).ToList();
        var movedFirewall = firewall with
        {
            Interfaces = [.. firewall.Interfaces, new DeviceInterface(transit, new Ipv4Prefix(firewallAddress, subnet.Length), 50)],
            Routes = [.. firewall.Routes.Select(r => r.NextHop == old ? r with { NextHop = concentratorAddress } : r)],
            Firewall = firewall.Firewall! with
            {
                Nat = [.. firewall.Firewall.Nat.Select(n => n.PrivateAddress == old ? n with { PrivateAddress = concentratorAddress } : n)],
                Acl =
                [
                    .. firewall.Firewall.Acl.Select(a => a.Destination == new Ipv4Prefix(old, 32) ? a with { Destination = new Ipv4Prefix(concentratorAddress, 32) } : a),
                    .. TransitAccessList.For(transit, concentratorAddress, remote, settings.AdvertisedSubnets),
                ],
            },
        };
        var movedConcentrator = mx with
        {
            Interfaces = [.. mx.Interfaces.Select(i => i.Name == settings.Uplink ? i with { Address = new Ipv4Prefix(concentratorAddress, subnet.Length) } : i)],
            Mx = settings with { UplinkGateway = firewallAddress },
        };
        var vlan = new Device(vlanName, DeviceKind.Vlan, new Position(firewall.Position.X, firewall.Position.Y + 200), [], [],
            Vlan: new VlanSettings(NextVlanId(design), subnet));

        var uplinkEnd = new LinkEnd(mx.Name, settings.Uplink);
        var links = design.Links.Where(l => l.A != uplinkEnd && l.B != uplinkEnd)
            .Append(new Link(new LinkEnd(firewall.Name, transit), new LinkEnd(vlanName)))
            .Append(new Link(uplinkEnd, new LinkEnd(vlanName)));

        var fixedDesign = DesignFixes.Replace(DesignFixes.Replace(design, movedFirewall), movedConcentrator) with
        {
            Links = [.. links],
        };
        return new FixResult(fixedDesign with { Devices = [.. fixedDesign.Devices, vlan] }, null);
    }

    private static int NextVlanId(Design design) =>
        Math.Min(4094, design.Devices.Select(d => d.Vlan?.VlanId ?? 0).DefaultIfEmpty(0).Max() + 10);
}
