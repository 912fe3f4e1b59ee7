using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Emit;

/// <summary>
/// The difference a change makes to one MX, as the Dashboard API v1 calls (method, path, body) that make it: its
/// uplink address, its deployment mode, its AutoVPN subnets and peers, its static routes and LAN addresses. Serials
/// and network ids come from the imported Meraki file when there was one, else they are placeholders to fill in.
/// </summary>
internal static class MerakiFixCalls
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static string For(Device was, Device now, ImportedNames names)
    {
        var ids = names.ForAppliance(now.Name);
        string NetworkOf(string device) => names.ForAppliance(device)?.NetworkId ?? $"{{networkId of {device}}}";
        var text = new StringBuilder();
        var serial = ids?.Serial ?? $"{{serial of {now.Name}}}";
        var network = ids?.NetworkId ?? $"{{networkId of {now.Name}}}";
        var (old, mx) = (was.Mx!, now.Mx!);
        void Call(string comment, string method, string path, JsonNode? body)
        {
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            text.AppendLine($"# {now.Name}: {comment}");
            text.AppendLine($"{method} {path}");
            if (body is not null)
            {
                text.AppendLine(body.ToJsonString(Compact));
            }
        }

        if (was.FindInterface(old.Uplink)?.Address != now.FindInterface(mx.Uplink)?.Address || old.UplinkGateway != mx.UplinkGateway)
        {
            var ipv4 = new JsonObject { ["assignmentMode"] = "static" };
            if (now.FindInterface(mx.Uplink)?.Address is { } address)
            {
                ipv4["address"] = address.ToString();
            }

            if (mx.UplinkGateway is { } gateway)
            {
                ipv4["gateway"] = gateway.ToString();
            }

            Call("re-address the uplink", "PUT", $"/devices/{serial}/appliance/uplinks/settings",
                new JsonObject { ["interfaces"] = new JsonObject { [UplinkKey(mx.Uplink)] = new JsonObject { ["svis"] = new JsonObject { ["ipv4"] = ipv4 } } } });
        }

        if (old.Mode != mx.Mode)
        {
            Call("change the deployment mode", "PUT", $"/networks/{network}/appliance/settings",
                new JsonObject { ["deploymentMode"] = mx.Mode == MxMode.Passthrough ? "passthrough" : "routed" });
        }

        if (!old.AdvertisedSubnets.SequenceEqual(mx.AdvertisedSubnets) || !old.VpnPeers.SequenceEqual(mx.VpnPeers))
        {
            var hubs = new JsonArray([.. mx.VpnPeers.Select(p => (JsonNode)new JsonObject { ["hubId"] = NetworkOf(p), ["useDefaultRoute"] = false })]);
            var subnets = new JsonArray([.. mx.AdvertisedSubnets.Select(s => (JsonNode)new JsonObject { ["localSubnet"] = s.ToString(), ["useVpn"] = true })]);
            Call("AutoVPN subnets and peers (keep the mode: hub, or spoke with these hubs)", "PUT", $"/networks/{network}/appliance/vpn/siteToSiteVpn",
                new JsonObject { ["mode"] = "spoke", ["hubs"] = hubs, ["subnets"] = subnets });
        }

        foreach (var route in now.Routes.Except(was.Routes))
        {
            Call($"static route to {route.Prefix}", "POST", $"/networks/{network}/appliance/staticRoutes",
                new JsonObject { ["name"] = $"to {route.Prefix}", ["subnet"] = route.Prefix.ToString(), ["gatewayIp"] = route.NextHop.ToString() });
        }

        foreach (var route in was.Routes.Except(now.Routes))
        {
            Call($"remove the static route to {route.Prefix}", "DELETE", $"/networks/{network}/appliance/staticRoutes/{{staticRouteId of {route.Prefix}}}", null);
        }

        foreach (var lan in now.Interfaces.Where(i => i.Name != mx.Uplink && was.FindInterface(i.Name)?.Address != i.Address && i.Address is not null))
        {
            var vlan = lan.Name.StartsWith("vlan", StringComparison.Ordinal) ? lan.Name[4..] : $"{{vlanId of {lan.Name}}}";
            Call($"LAN {lan.Name} address", "PUT", $"/networks/{network}/appliance/vlans/{vlan}",
                new JsonObject { ["subnet"] = lan.Address!.Value.Network.ToString(), ["applianceIp"] = lan.Address.Value.Address.ToString() });
        }

        return text.ToString();
    }

    /// <summary>The Dashboard's name of the uplink: wan1 or wan2; a design's own name ("wan") means wan1.</summary>
    private static string UplinkKey(string uplink) => uplink is "wan1" or "wan2" ? uplink : "wan1";
}
