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
        if (mx?.Mx is not { Mode: MxMode.Passthrough, UplinkGateway: { } gateway } settings || mx.FindInterface(settings.Uplink)?.Address is null)
        {
            return new FixResult(null, $"'{concentratorName}' is not a one-armed (passthrough) MX with an addressed uplink and a gateway");
        }

        var firewall = design.Devices.FirstOrDefault(d => d.Firewall is not null && d.Owns(gateway));
        if (firewall is null)
        {
            return new FixResult(null, $"{concentratorName}'s gateway {gateway} is not a firewall; this fix moves a concentrator next to the firewall that should see its traffic");
        }

        var uplink = new LinkEnd(mx.Name, settings.Uplink);
        if (TransitSegments(design, firewall).FirstOrDefault(t => IsOn(design, uplink, t.Vlan)) is { } already)
        {
            return new FixResult(null, $"{concentratorName} already sits on a transit VLAN with {firewall.Name} ({already.Vlan.Name})");
        }

        var segment = TransitSegments(design, firewall).FirstOrDefault() ?? NewTransit(design, firewall);
        var concentratorAddress = segment.IsNew ? new Ipv4Address(segment.Gateway.Value + 1) : FreeSpace.Address(design, segment.Subnet);
        if (concentratorAddress is not { } address)
        {
            return new FixResult(null, $"{segment.Vlan.Name}'s subnet {segment.Subnet} has no free address left for {concentratorName}");
        }

        return Move(design, mx, settings, firewall, segment, address);
    }

    private static FixResult Move(Design design, Device mx, MxSettings settings, Device firewall, TransitSegment segment, Ipv4Address concentratorAddress)
    {
        var old = mx.FindInterface(settings.Uplink)!.Address!.Value.Address;
        var uplinkEnd = new LinkEnd(mx.Name, settings.Uplink);

        var remote = settings.VpnPeers.Select(design.FindDevice).SelectMany(p => p?.Mx?.AdvertisedSubnets ?? []).ToList();
        var transitAcl = TransitAccessList.For(segment.Interface, concentratorAddress, remote, settings.AdvertisedSubnets);
        var movedFirewall = firewall with
        {
            Interfaces = segment.IsNew
                ? [.. firewall.Interfaces, new DeviceInterface(segment.Interface, new Ipv4Prefix(segment.Gateway, segment.Subnet.Length), 50)]
                : firewall.Interfaces,
            Routes = [.. firewall.Routes.Select(r => r.NextHop == old ? r with { NextHop = concentratorAddress } : r)],
            Firewall = firewall.Firewall! with
            {
                Nat = [.. firewall.Firewall.Nat.Select(n => n.PrivateAddress == old ? n with { PrivateAddress = concentratorAddress } : n)],
                Acl =
                [
                    .. firewall.Firewall.Acl.Select(a => a.Destination == new Ipv4Prefix(old, 32) ? a with { Destination = new Ipv4Prefix(concentratorAddress, 32) } : a),
                    .. transitAcl.Where(rule => !firewall.Firewall.Acl.Contains(rule)),
                ],
            },
        };
        var movedConcentrator = mx with
        {
            Interfaces = [.. mx.Interfaces.Select(i => i.Name == settings.Uplink ? i with { Address = new Ipv4Prefix(concentratorAddress, segment.Subnet.Length) } : i)],
            Mx = settings with { UplinkGateway = segment.Gateway },
        };

        var links = design.Links.Where(l => l.A != uplinkEnd && l.B != uplinkEnd).ToList();
        if (segment.IsNew)
        {
            links.Add(new Link(new LinkEnd(firewall.Name, segment.Interface), new LinkEnd(segment.Vlan.Name)));
        }

        links.Add(new Link(uplinkEnd, new LinkEnd(segment.Vlan.Name)));
        var fixedDesign = DesignFixes.Replace(DesignFixes.Replace(design, movedFirewall), movedConcentrator) with { Links = links };
        return new FixResult(segment.IsNew ? fixedDesign with { Devices = [.. fixedDesign.Devices, segment.Vlan] } : fixedDesign, null);
    }

    /// <summary>
    /// The transit segments the firewall already has: VLANs cabled to one of its addressed interfaces with no host on
    /// them. Reusing one keeps a single transit VLAN however many concentrators move onto it.
    /// </summary>
    private static IEnumerable<TransitSegment> TransitSegments(Design design, Device firewall)
    {
        foreach (var link in design.Links)
        {
            var (own, other) = link.A.Device == firewall.Name ? (link.A, link.B) : link.B.Device == firewall.Name ? (link.B, link.A) : (null, null);
            if (own?.Interface is not { } name || design.FindDevice(other!.Device) is not { Kind: DeviceKind.Vlan, Vlan.Subnet: { } subnet } vlan
                || firewall.FindInterface(name)?.Address is not { } address || !subnet.Contains(address.Address))
            {
                continue;
            }

            var onIt = design.Links.Where(l => l.A.Device == vlan.Name || l.B.Device == vlan.Name)
                .Select(l => design.FindDevice(l.A.Device == vlan.Name ? l.B.Device : l.A.Device));
            if (!onIt.Any(d => d?.Kind.IsEndpoint() == true))
            {
                yield return new TransitSegment(vlan, subnet, name, address.Address, IsNew: false);
            }
        }
    }

    private static bool IsOn(Design design, LinkEnd end, Device segment) =>
        design.Links.Any(l => (l.A == end && l.B.Device == segment.Name) || (l.B == end && l.A.Device == segment.Name));

    /// <summary>A new transit VLAN in a free subnet, beside the firewall where it hides no other device.</summary>
    private static TransitSegment NewTransit(Design design, Device firewall)
    {
        var subnet = DesignFixes.FreeTransitSubnet(design);
        var name = DesignFixes.UniqueName(design.Devices.Select(d => d.Name), "Transit VLAN");
        var at = FreeSpace.Near(design, new Position(firewall.Position.X, firewall.Position.Y + 200));
        var vlan = new Device(name, DeviceKind.Vlan, at, [], [], Vlan: new VlanSettings(FreeSpace.VlanId(design), subnet));
        return new TransitSegment(vlan, subnet, DesignFixes.UniqueName(firewall.Interfaces.Select(i => i.Name), "transit"),
            new Ipv4Address(subnet.Address.Value + 1), IsNew: true);
    }

    /// <summary>The segment the concentrator moves to: its VLAN, the firewall's interface on it and that interface's address.</summary>
    private sealed record TransitSegment(Device Vlan, Ipv4Prefix Subnet, string Interface, Ipv4Address Gateway, bool IsNew);
}
