using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Meraki;

/// <summary>
/// The one place Meraki settings become the model: per appliance network, its MX (mode, uplink, LANs, static
/// routes, AutoVPN role and advertised subnets). Cabling, peers by name and the public address a firewall publishes
/// are the topology's part.
/// </summary>
internal static class MerakiToModel
{
    public const string Uplink = "wan1";

    public static List<ImportedMx> Map(string file, MerakiOrganisation organisation, List<ImportProblem> problems, List<LineNote> notes)
    {
        var result = new List<ImportedMx>();
        foreach (var network in organisation.Networks)
        {
            var appliances = organisation.Devices
                .Where(d => d.NetworkId == network.Id && (d.ProductType == "appliance" || d.Model.StartsWith("MX", StringComparison.OrdinalIgnoreCase) || d.Model.StartsWith('Z')))
                .ToList();
            if (appliances.Count == 0)
            {
                if (network.ProductTypes.Contains("appliance"))
                {
                    notes.Add(Note(file, network.Path, LineDisposition.NotModelled, network.Name, "an appliance network with no MX among the organisation's devices; it is left out"));
                }

                continue;
            }

            var mx = appliances[0];
            foreach (var spare in appliances.Skip(1))
            {
                notes.Add(Note(file, spare.Path, LineDisposition.NotModelled, spare.Name, $"a second MX in {network.Name} (a warm spare): the design has {mx.Name} only"));
            }

            if (Map(file, organisation, network, mx, problems, notes) is { } imported)
            {
                result.Add(imported);
            }
        }

        return result;
    }

    private static ImportedMx? Map(string file, MerakiOrganisation organisation, MerakiNetwork network, MerakiDevice mx, List<ImportProblem> problems, List<LineNote> notes)
    {
        var mode = MxMode.Routed;
        if (organisation.DeploymentModes.TryGetValue(network.Id, out var deployment))
        {
            mode = deployment == "passthrough" ? MxMode.Passthrough : MxMode.Routed;
        }
        else
        {
            notes.Add(Note(file, network.Path, LineDisposition.NotModelled, network.Name, $"no /networks/{network.Id}/appliance/settings: the deployment mode is unknown, so {mx.Name} is taken as routed"));
        }

        var setting = organisation.UplinkSettings.GetValueOrDefault(mx.Serial)?.FirstOrDefault(s => s.Interface == Uplink);
        var status = organisation.UplinkStatuses.GetValueOrDefault(mx.Serial)?.FirstOrDefault(s => s.Interface == Uplink);
        foreach (var other in organisation.UplinkSettings.GetValueOrDefault(mx.Serial)?.Where(s => s.Interface != Uplink && s.Enabled && s.AssignmentMode is not null) ?? [])
        {
            notes.Add(Note(file, other.Path, LineDisposition.NotModelled, $"{mx.Name} {other.Interface}", $"a second uplink is not modelled: the design uses {Uplink}"));
        }

        Ipv4Address address;
        int? length;
        Ipv4Address? gateway;
        if (setting?.Address is { } prefix)
        {
            (address, length, gateway) = (prefix.Address, prefix.Length, setting.Gateway ?? status?.Gateway);
        }
        else if (status?.Ip is { } ip)
        {
            (address, length, gateway) = (ip, null, status.Gateway);
        }
        else
        {
            problems.Add(new ImportProblem(file, mx.Path,
                $"MX {mx.Name} ({mx.Serial}) has no {Uplink} address: add /devices/{mx.Serial}/appliance/uplinks/settings or its entry in /organizations/{{organizationId}}/appliance/uplink/statuses"));
            return null;
        }

        var lans = new Dictionary<string, (int? Vlan, string Name)>(StringComparer.Ordinal);
        var interfaces = new List<DeviceInterface> { new(Uplink, length is { } l ? new Ipv4Prefix(address, l) : null) };
        var lanList = organisation.Vlans.GetValueOrDefault(network.Id)
            ?? (organisation.SingleLans.TryGetValue(network.Id, out var single) ? [single] : []);
        if (mode == MxMode.Routed)
        {
            foreach (var lan in lanList)
            {
                var name = lan.Id is { } id ? $"vlan{id}" : "lan";
                interfaces.Add(new DeviceInterface(name, new Ipv4Prefix(lan.ApplianceIp, lan.Subnet.Length)));
                lans[name] = (lan.Id, lan.Name);
            }
        }
        else if (lanList.Count > 0)
        {
            notes.Add(Note(file, lanList[0].Path, LineDisposition.Ignored, network.Name, "LAN settings of a passthrough MX have no effect: it routes nothing but its VPN"));
        }

        var routes = new List<StaticRoute>();
        foreach (var route in organisation.StaticRoutes.GetValueOrDefault(network.Id) ?? [])
        {
            if (route.Enabled)
            {
                routes.Add(new StaticRoute(route.Subnet, route.Gateway));
            }
            else
            {
                notes.Add(Note(file, route.Path, LineDisposition.Ignored, route.Name, "a disabled static route"));
            }
        }

        var vpn = organisation.Vpns.GetValueOrDefault(network.Id);
        var role = vpn?.Mode switch
        {
            "hub" => VpnRole.Hub,
            "spoke" => VpnRole.Spoke,
            _ => VpnRole.None,
        };
        if (vpn is null)
        {
            notes.Add(Note(file, network.Path, LineDisposition.NotModelled, network.Name, $"no /networks/{network.Id}/appliance/vpn/siteToSiteVpn: {mx.Name} takes part in no AutoVPN"));
        }

        var settings = new MxSettings(mode, Uplink, gateway, vpn?.Subnets ?? [], [], Nat: mode == MxMode.Routed);
        var device = new Device(mx.Name, DeviceKind.Mx, default, interfaces, routes, Mx: settings);
        return new ImportedMx(network.Id, network.Name, mx.Serial, device, address, length, role, vpn?.HubIds ?? [], status?.PublicIp, lans);
    }

    private static LineNote Note(string file, string path, LineDisposition disposition, string text, string reason) =>
        new(file, 0, 0, disposition, text, reason, path);
}
