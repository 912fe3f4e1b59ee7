using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneArmDesigner.Import.Meraki;

/// <summary>
/// Reads a Meraki file: one JSON object whose keys are Dashboard API v1 GET paths with the organisation's ids filled
/// in, and whose values are those endpoints' response bodies (docs/import.md). Each key is matched to the endpoint it
/// names and its body checked against that endpoint's documented shape; a key the importer does not read is reported.
/// </summary>
internal static partial class MerakiReader
{
    public static MerakiOrganisation? Read(string file, string text, List<ImportProblem> problems, List<LineNote> notes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}, position {ex.BytePositionInLine + 1}" : "somewhere";
            problems.Add(new ImportProblem(file, null, $"is not valid JSON ({where}): the Meraki file is one JSON object of API responses; a truncated or hand-edited file?"));
            return null;
        }

        using (document)
        {
            var shape = new JsonShape(file, problems);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                shape.Problem("$", $"expected an object whose keys are Dashboard API paths, found {JsonShape.Describe(root)}");
                return null;
            }

            var organisation = new MerakiOrganisation();
            var (sawNetworks, sawDevices) = (false, false);
            foreach (var property in root.EnumerateObject())
            {
                var path = JsonShape.Key("$", property.Name);
                var key = property.Name.StartsWith("/api/v1/", StringComparison.Ordinal) ? property.Name[7..] : property.Name;
                if (key.Contains('{'))
                {
                    shape.Problem(path, "still has a placeholder such as {networkId}: fill in the organisation's real ids");
                    continue;
                }

                if (Endpoint().Match(key) is not { Success: true } match)
                {
                    notes.Add(new LineNote(file, 0, 0, LineDisposition.Ignored, property.Name, "not one of the endpoints the importer reads (docs/import.md lists them)", path));
                    continue;
                }

                var id = match.Groups["id"].Value;
                var value = property.Value;
                switch (match.Groups["endpoint"].Value)
                {
                    case "networks":
                        sawNetworks = true;
                        organisation.Networks.AddRange(ReadNetworks(shape, value, path));
                        break;
                    case "devices":
                        sawDevices = true;
                        organisation.Devices.AddRange(ReadDevices(shape, value, path));
                        break;
                    case "appliance/uplink/statuses":
                        ReadUplinkStatuses(shape, value, path, organisation);
                        break;
                    case "appliance/settings" when shape.IsObject(value, path):
                        var mode = shape.String(value, path, "deploymentMode", required: true);
                        if (mode is "routed" or "passthrough")
                        {
                            organisation.DeploymentModes[id] = mode;
                        }
                        else if (mode is not null)
                        {
                            shape.Problem(JsonShape.Property(path, "deploymentMode"), $"expected \"routed\" or \"passthrough\", found \"{mode}\"");
                        }

                        break;
                    case "appliance/vlans":
                        organisation.Vlans[id] = [.. ReadVlans(shape, value, path)];
                        break;
                    case "appliance/singleLan" when shape.IsObject(value, path):
                        if (ReadLan(shape, value, path, null) is { } lan)
                        {
                            organisation.SingleLans[id] = lan;
                        }

                        break;
                    case "appliance/staticRoutes":
                        organisation.StaticRoutes[id] = [.. ReadStaticRoutes(shape, value, path)];
                        break;
                    case "appliance/vpn/siteToSiteVpn" when shape.IsObject(value, path):
                        organisation.Vpns[id] = ReadVpn(shape, value, path);
                        break;
                    case "appliance/uplinks/settings" when shape.IsObject(value, path):
                        organisation.UplinkSettings[id] = [.. ReadUplinkSettings(shape, value, path)];
                        break;
                }
            }

            if (!sawNetworks)
            {
                shape.Problem("$", "has no \"/organizations/{organizationId}/networks\" key: the import starts from the organisation's networks");
            }

            if (!sawDevices)
            {
                shape.Problem("$", "has no \"/organizations/{organizationId}/devices\" key: the import needs the organisation's devices to find the MX units");
            }

            return organisation;
        }
    }

    [GeneratedRegex(@"^/(?:organizations/(?<id>[^/]+)/(?<endpoint>networks|devices|appliance/uplink/statuses)|networks/(?<id>[^/]+)/(?<endpoint>appliance/settings|appliance/vlans|appliance/singleLan|appliance/staticRoutes|appliance/vpn/siteToSiteVpn)|devices/(?<id>[^/]+)/(?<endpoint>appliance/uplinks/settings))$")]
    private static partial Regex Endpoint();

    private static IEnumerable<MerakiNetwork> ReadNetworks(JsonShape shape, JsonElement value, string path)
    {
        foreach (var (item, at) in shape.Array(value, path))
        {
            if (!shape.IsObject(item, at))
            {
                continue;
            }

            var id = shape.String(item, at, "id", required: true);
            var name = shape.String(item, at, "name", required: false) ?? id;
            var types = shape.Member(item, "productTypes") is { ValueKind: JsonValueKind.Array } array
                ? array.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
                : [];
            if (id is not null)
            {
                yield return new MerakiNetwork(id, name!, types, at);
            }
        }
    }

    private static IEnumerable<MerakiDevice> ReadDevices(JsonShape shape, JsonElement value, string path)
    {
        foreach (var (item, at) in shape.Array(value, path))
        {
            if (!shape.IsObject(item, at))
            {
                continue;
            }

            var serial = shape.String(item, at, "serial", required: true);
            var model = shape.String(item, at, "model", required: true);
            var name = shape.String(item, at, "name", required: false);
            if (serial is not null && model is not null)
            {
                yield return new MerakiDevice(serial, string.IsNullOrWhiteSpace(name) ? serial : name.Trim(), model,
                    shape.String(item, at, "networkId", required: false), shape.String(item, at, "productType", required: false), at);
            }
        }
    }

    private static IEnumerable<MerakiVlan> ReadVlans(JsonShape shape, JsonElement value, string path)
    {
        foreach (var (item, at) in shape.Array(value, path))
        {
            if (!shape.IsObject(item, at))
            {
                continue;
            }

            var idText = shape.String(item, at, "id", required: true);
            if (idText is null)
            {
                continue;
            }

            if (!int.TryParse(idText, out var id) || id is < 1 or > 4094)
            {
                shape.Problem(JsonShape.Property(at, "id"), $"expected a VLAN ID from 1 to 4094, found \"{idText}\"");
                continue;
            }

            if (ReadLan(shape, item, at, id) is { } vlan)
            {
                yield return vlan;
            }
        }
    }

    private static MerakiVlan? ReadLan(JsonShape shape, JsonElement item, string at, int? id)
    {
        var subnet = shape.Prefix(item, at, "subnet", required: true);
        var applianceIp = shape.Address(item, at, "applianceIp", required: true);
        if (subnet is null || applianceIp is null)
        {
            return null;
        }

        if (!subnet.Value.Contains(applianceIp.Value))
        {
            shape.Problem(JsonShape.Property(at, "applianceIp"), $"{applianceIp} is outside the subnet {subnet}");
            return null;
        }

        var name = shape.String(item, at, "name", required: false) ?? (id is null ? "LAN" : $"VLAN {id}");
        return new MerakiVlan(id, name, subnet.Value.Network, applianceIp.Value, at);
    }

    private static IEnumerable<MerakiStaticRoute> ReadStaticRoutes(JsonShape shape, JsonElement value, string path)
    {
        foreach (var (item, at) in shape.Array(value, path))
        {
            if (!shape.IsObject(item, at))
            {
                continue;
            }

            var subnet = shape.Prefix(item, at, "subnet", required: true);
            var gateway = shape.Address(item, at, "gatewayIp", required: true);
            if (subnet is not null && gateway is not null)
            {
                yield return new MerakiStaticRoute(shape.String(item, at, "name", required: false) ?? subnet.ToString()!, subnet.Value.Network,
                    gateway.Value, shape.Bool(item, at, "enabled", fallback: true), at);
            }
        }
    }

    private static MerakiVpn ReadVpn(JsonShape shape, JsonElement value, string path)
    {
        var mode = shape.String(value, path, "mode", required: true) ?? "none";
        if (mode is not ("hub" or "spoke" or "none"))
        {
            shape.Problem(JsonShape.Property(path, "mode"), $"expected \"hub\", \"spoke\" or \"none\", found \"{mode}\"");
        }

        var hubs = new List<string>();
        if (shape.Member(value, "hubs") is { } hubList)
        {
            foreach (var (hub, at) in shape.Array(hubList, JsonShape.Property(path, "hubs")))
            {
                if (shape.IsObject(hub, at) && shape.String(hub, at, "hubId", required: true) is { } hubId)
                {
                    hubs.Add(hubId);
                }
            }
        }

        var subnets = new List<Domain.Addressing.Ipv4Prefix>();
        if (shape.Member(value, "subnets") is { } subnetList)
        {
            foreach (var (subnet, at) in shape.Array(subnetList, JsonShape.Property(path, "subnets")))
            {
                if (shape.IsObject(subnet, at) && shape.Prefix(subnet, at, "localSubnet", required: true) is { } local
                    && shape.Bool(subnet, at, "useVpn", fallback: true))
                {
                    subnets.Add(local.Network);
                }
            }
        }

        return new MerakiVpn(mode, hubs, subnets, path);
    }

    private static IEnumerable<MerakiUplinkSetting> ReadUplinkSettings(JsonShape shape, JsonElement value, string path)
    {
        var interfacesPath = JsonShape.Property(path, "interfaces");
        if (shape.Member(value, "interfaces") is not { } interfaces)
        {
            shape.Problem(interfacesPath, "is missing");
            yield break;
        }

        if (!shape.IsObject(interfaces, interfacesPath))
        {
            yield break;
        }

        foreach (var wan in interfaces.EnumerateObject())
        {
            var at = JsonShape.Property(interfacesPath, wan.Name);
            if (!shape.IsObject(wan.Value, at))
            {
                continue;
            }

            var enabled = shape.Bool(wan.Value, at, "enabled", fallback: true);
            var ipv4Path = JsonShape.Property(JsonShape.Property(at, "svis"), "ipv4");
            var ipv4 = shape.Member(wan.Value, "svis") is { } svis ? shape.Member(svis, "ipv4") : null;
            if (ipv4 is not { } settings || !shape.IsObject(settings, ipv4Path))
            {
                yield return new MerakiUplinkSetting(wan.Name, enabled, null, null, null, at);
                continue;
            }

            var mode = shape.String(settings, ipv4Path, "assignmentMode", required: false);
            var address = mode == "static" ? shape.Prefix(settings, ipv4Path, "address", required: true) : null;
            var gateway = mode == "static" ? shape.Address(settings, ipv4Path, "gateway", required: false) : null;
            yield return new MerakiUplinkSetting(wan.Name, enabled, mode, address, gateway, at);
        }
    }

    private static void ReadUplinkStatuses(JsonShape shape, JsonElement value, string path, MerakiOrganisation organisation)
    {
        foreach (var (item, at) in shape.Array(value, path))
        {
            if (!shape.IsObject(item, at) || shape.String(item, at, "serial", required: true) is not { } serial)
            {
                continue;
            }

            var statuses = new List<MerakiUplinkStatus>();
            if (shape.Member(item, "uplinks") is { } uplinks)
            {
                foreach (var (uplink, uplinkPath) in shape.Array(uplinks, JsonShape.Property(at, "uplinks")))
                {
                    if (shape.IsObject(uplink, uplinkPath) && shape.String(uplink, uplinkPath, "interface", required: true) is { } name)
                    {
                        statuses.Add(new MerakiUplinkStatus(name, shape.String(uplink, uplinkPath, "status", required: false),
                            shape.Address(uplink, uplinkPath, "ip", required: false), shape.Address(uplink, uplinkPath, "gateway", required: false),
                            shape.Address(uplink, uplinkPath, "publicIp", required: false), uplinkPath));
                    }
                }
            }

            organisation.UplinkStatuses[serial] = statuses;
        }
    }
}
