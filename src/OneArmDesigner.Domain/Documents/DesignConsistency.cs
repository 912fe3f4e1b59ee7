using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Documents;

/// <summary>
/// Rules that make a design well-formed: names unique, links between real interfaces, each interface on one link,
/// gateways inside a connected subnet, settings that name interfaces and peers that exist. Whether the design
/// actually forwards traffic is the engine's and the analysis' business, not this.
/// </summary>
public static class DesignConsistency
{
    public static IReadOnlyList<DocumentProblem> Check(Design design)
    {
        var problems = new List<DocumentProblem>();
        Check(design, problems);
        return problems;
    }

    internal static void Check(Design design, List<DocumentProblem> problems)
    {
        var deviceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < design.Devices.Count; i++)
        {
            var device = design.Devices[i];
            if (!deviceIndex.TryAdd(device.Name, i))
            {
                problems.Add(new($"devices[{i}].name", $"'{device.Name}' is already the name of devices[{deviceIndex[device.Name]}]; device names must be unique"));
            }
        }

        // Look-ups by name go through the index: large generated designs have thousands of devices and links.
        Device? Find(string name) => deviceIndex.TryGetValue(name, out var index) ? design.Devices[index] : null;
        for (var i = 0; i < design.Devices.Count; i++)
        {
            CheckDevice(Find, design.Devices[i], $"devices[{i}]", problems);
        }

        var linkOf = new Dictionary<(string, string), int>();
        for (var i = 0; i < design.Links.Count; i++)
        {
            var link = design.Links[i];
            var path = $"links[{i}]";
            var a = CheckEnd(Find, link.A, path + ".a", problems);
            var b = CheckEnd(Find, link.B, path + ".b", problems);
            if (a is null || b is null)
            {
                continue;
            }

            if (a == b)
            {
                problems.Add(new(path, $"joins {a.Name} to itself"));
            }
            else if (a.Kind.IsSegment() && b.Kind.IsSegment())
            {
                problems.Add(new(path, $"joins two segments ({a.Name} and {b.Name}); put a router or switch between them"));
            }

            foreach (var (end, endPath) in new[] { (link.A, path + ".a"), (link.B, path + ".b") })
            {
                if (end.Interface is not null && !linkOf.TryAdd((end.Device, end.Interface), i))
                {
                    problems.Add(new(endPath + ".interface", $"{end} is already linked by links[{linkOf[(end.Device, end.Interface)]}]; an interface takes one cable"));
                }
            }
        }
    }

    private static void CheckDevice(Func<string, Device?> find, Device device, string path, List<DocumentProblem> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < device.Interfaces.Count; j++)
        {
            if (!names.Add(device.Interfaces[j].Name))
            {
                problems.Add(new($"{path}.interfaces[{j}].name", $"'{device.Interfaces[j].Name}' is used twice on {device.Name}; interface names must be unique on a device"));
            }
        }

        if (device.DefaultGateway is { } gateway && !device.Interfaces.Any(i => i.Address is { } a && a.Contains(gateway)))
        {
            var subnets = string.Join(", ", device.Interfaces.Where(i => i.Address is not null).Select(i => i.Address!.Value.Network));
            problems.Add(new(path + ".defaultGateway", subnets.Length == 0
                ? $"{gateway} cannot be reached: {device.Name} has no addressed interface"
                : $"{gateway} is outside {device.Name}'s subnets ({subnets}); a gateway must be on a connected subnet"));
        }

        if (device.Firewall is { } firewall)
        {
            for (var k = 0; k < firewall.Nat.Count; k++)
            {
                RequireInterface(device, firewall.Nat[k].OutsideInterface, $"{path}.firewall.nat[{k}].outsideInterface", problems);
            }

            for (var k = 0; k < firewall.Acl.Count; k++)
            {
                RequireInterface(device, firewall.Acl[k].Interface, $"{path}.firewall.acl[{k}].interface", problems);
            }
        }

        if (device.Mx is { } mx)
        {
            RequireInterface(device, mx.Uplink, path + ".mx.uplink", problems);
            for (var k = 0; k < mx.VpnPeers.Count; k++)
            {
                var peer = find(mx.VpnPeers[k]);
                var peerPath = $"{path}.mx.vpnPeers[{k}]";
                if (peer is null)
                {
                    problems.Add(new(peerPath, $"'{mx.VpnPeers[k]}' is not a device in this design"));
                }
                else if (peer.Kind != DeviceKind.Mx)
                {
                    problems.Add(new(peerPath, $"'{peer.Name}' is a {peer.Kind.DisplayName()}, not a Meraki MX; AutoVPN peers are MX devices"));
                }
                else if (peer == device)
                {
                    problems.Add(new(peerPath, $"{device.Name} cannot be its own VPN peer"));
                }
            }
        }
    }

    private static void RequireInterface(Device device, string name, string path, List<DocumentProblem> problems)
    {
        if (device.FindInterface(name) is null)
        {
            problems.Add(new(path, $"'{name}' is not an interface of {device.Name}"));
        }
    }

    private static Device? CheckEnd(Func<string, Device?> find, LinkEnd end, string path, List<DocumentProblem> problems)
    {
        var device = find(end.Device);
        if (device is null)
        {
            problems.Add(new(path + ".device", $"'{end.Device}' is not a device in this design (dangling link)"));
            return null;
        }

        if (device.Kind.IsSegment())
        {
            if (end.Interface is not null)
            {
                problems.Add(new(path + ".interface", $"{device.Name} is a segment and has no interfaces; leave the interface out"));
            }

            return device;
        }

        if (end.Interface is null)
        {
            problems.Add(new(path + ".interface", $"is missing; name which interface of {device.Name} the cable plugs into"));
            return null;
        }

        if (device.FindInterface(end.Interface) is null)
        {
            problems.Add(new(path + ".interface", $"'{end.Interface}' is not an interface of {device.Name} (dangling link)"));
            return null;
        }

        return device;
    }
}
