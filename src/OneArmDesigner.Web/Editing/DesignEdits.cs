using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Editing;

/// <summary>Edits of a design as pure functions: each returns a new design and leaves the original untouched.</summary>
public static class DesignEdits
{
    public static Design Rename(Design design, string name) => design with { Name = name.Trim() };

    public static Design Move(Design design, IReadOnlyDictionary<string, Position> positions) =>
        design with { Devices = [.. design.Devices.Select(d => positions.TryGetValue(d.Name, out var at) ? d with { Position = at } : d)] };

    /// <summary>
    /// Removes devices (with every link touching them, and their place in other MX units' VPN peer lists) and links
    /// (by their index in the design's link list).
    /// </summary>
    public static Design Delete(Design design, IReadOnlyCollection<string> devices, IReadOnlyCollection<int> linkIndexes)
    {
        var gone = devices.ToHashSet(StringComparer.Ordinal);
        var links = design.Links.Where((link, index) => !linkIndexes.Contains(index) && !gone.Contains(link.A.Device) && !gone.Contains(link.B.Device));
        var remaining = design.Devices.Where(d => !gone.Contains(d.Name)).Select(d => WithoutPeers(d, gone));
        return design with { Devices = [.. remaining], Links = [.. links] };
    }

    private static Device WithoutPeers(Device device, HashSet<string> gone) =>
        device.Mx is { } mx && mx.VpnPeers.Any(gone.Contains)
            ? device with { Mx = mx with { VpnPeers = [.. mx.VpnPeers.Where(p => !gone.Contains(p))] } }
            : device;

    /// <summary>
    /// Adds a device of this kind with a fresh name ("Router1", "Router2"...) and the settings its kind needs (a VLAN
    /// gets an id no other VLAN has), at <paramref name="at"/> or, if a device is there, the nearest spot that hides none.
    /// </summary>
    public static (Design Design, string Name) AddDevice(Design design, DeviceKind kind, Position at)
    {
        at = FreeSpace.Near(design, at);
        var prefix = kind switch
        {
            DeviceKind.L3Switch => "Switch",
            DeviceKind.Mx => "MX",
            DeviceKind.Vlan => "VLAN",
            _ => kind.DisplayName(),
        };
        var taken = design.Devices.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var name = kind == DeviceKind.Internet && !taken.Contains("Internet")
            ? "Internet"
            : Enumerable.Range(1, int.MaxValue).Select(n => $"{prefix}{n}").First(n => !taken.Contains(n));
        var device = kind switch
        {
            DeviceKind.Host or DeviceKind.Server => new Device(name, kind, at, [new DeviceInterface("eth0", null)], [], Host: HostSettings.None),
            DeviceKind.Firewall => new Device(name, kind, at, [new DeviceInterface("outside", null, 0), new DeviceInterface("inside", null, 100)], [], Firewall: FirewallSettings.Default),
            DeviceKind.Mx => new Device(name, kind, at, [new DeviceInterface("wan", null)], [], Mx: new MxSettings(MxMode.Passthrough, "wan", null, [], [])),
            DeviceKind.Vlan => new Device(name, kind, at, [], [], Vlan: new VlanSettings(FreeSpace.VlanId(design), null)),
            DeviceKind.Internet => new Device(name, kind, at, [], []),
            _ => new Device(name, kind, at, [new DeviceInterface("g0", null), new DeviceInterface("g1", null)], []),
        };
        return (design with { Devices = [.. design.Devices, device] }, name);
    }

    /// <summary>Renames a device; links, VPN peer lists and the canvas follow. Returns why not, if the name is taken or empty.</summary>
    public static (Design? Design, string? Problem) RenameDevice(Design design, string from, string to)
    {
        to = to.Trim();
        if (to.Length == 0)
        {
            return (null, "A device needs a name.");
        }

        if (to != from && design.FindDevice(to) is not null)
        {
            return (null, $"'{to}' is already the name of another device.");
        }

        LinkEnd Follow(LinkEnd end) => end.Device == from ? end with { Device = to } : end;

        Device Rename(Device device)
        {
            var renamed = device.Name == from ? device with { Name = to } : device;
            return renamed.Mx is { } mx && mx.VpnPeers.Contains(from)
                ? renamed with { Mx = mx with { VpnPeers = [.. mx.VpnPeers.Select(p => p == from ? to : p)] } }
                : renamed;
        }

        return (design with { Devices = [.. design.Devices.Select(Rename)], Links = [.. design.Links.Select(l => new Link(Follow(l.A), Follow(l.B)))] }, null);
    }

    /// <summary>Sets (or clears, with empty text) an interface's address. Returns why not when the text is not an IPv4 prefix.</summary>
    public static (Design? Design, string? Problem) SetInterfaceAddress(Design design, string device, string interfaceName, string text)
    {
        var address = FieldInput.InterfaceAddress(text);
        return address.Ok
            ? (UpdateDevice(design, device, d => d with { Interfaces = [.. d.Interfaces.Select(i => i.Name == interfaceName ? i with { Address = address.Value } : i)] }), null)
            : (null, address.Problem);
    }

    /// <summary>Sets (or clears) a host's default gateway; it must lie in one of the host's subnets.</summary>
    public static (Design? Design, string? Problem) SetDefaultGateway(Design design, string device, string text)
    {
        var parsed = FieldInput.OptionalAddress(text);
        if (!parsed.Ok)
        {
            return (null, parsed.Problem);
        }

        if (parsed.Value is not { } gateway)
        {
            return (UpdateDevice(design, device, d => d with { DefaultGateway = null }), null);
        }

        var host = design.GetDevice(device);
        return host.Interfaces.Any(i => i.Address is { } a && a.Contains(gateway))
            ? (UpdateDevice(design, device, d => d with { DefaultGateway = gateway }), null)
            : (null, $"{gateway} is not on any of {device}'s subnets; give the interface an address in the gateway's subnet first.");
    }

    /// <summary>
    /// Cables two devices. A segment end needs no interface. A device end uses the interface named for it (created
    /// when the device has none by that name), or else its first interface without a cable, or a new one. Returns why
    /// not for two segments, a device to itself, a bad interface name, or an interface that is already cabled.
    /// </summary>
    public static (Design? Design, string? Problem) Connect(Design design, string a, string b, string? aInterface = null, string? bInterface = null)
    {
        if (CableProblem(design, a, b) is { } problem)
        {
            return (null, problem);
        }

        var (withLeft, leftEnd, leftProblem) = End(design, design.GetDevice(a), aInterface);
        if (leftProblem is not null)
        {
            return (null, leftProblem);
        }

        var (withBoth, rightEnd, rightProblem) = End(withLeft, withLeft.GetDevice(b), bInterface);
        return rightProblem is not null
            ? (null, rightProblem)
            : (withBoth with { Links = [.. withBoth.Links, new Link(leftEnd, rightEnd)] }, null);
    }

    /// <summary>Why these two devices cannot be cabled at all, whatever the interfaces: null when they can.</summary>
    public static string? CableProblem(Design design, string a, string b)
    {
        if (a == b)
        {
            return "A device cannot be cabled to itself.";
        }

        return design.GetDevice(a).Kind.IsSegment() && design.GetDevice(b).Kind.IsSegment()
            ? $"{a} and {b} are both segments; put a router or switch between them."
            : null;
    }

    /// <summary>The interfaces of a device that no cable uses yet, in order.</summary>
    public static IReadOnlyList<string> FreeInterfaces(Design design, string device)
    {
        var cabled = CabledInterfaces(design, device);
        return [.. design.GetDevice(device).Interfaces.Select(i => i.Name).Where(n => !cabled.Contains(n))];
    }

    /// <summary>The name a new interface on this device would get: eth0, eth1... on hosts, g0, g1... elsewhere.</summary>
    public static string NextInterfaceName(Device device)
    {
        var stem = device.Kind.IsEndpoint() ? "eth" : "g";
        return Enumerable.Range(0, int.MaxValue).Select(n => $"{stem}{n}").First(n => device.FindInterface(n) is null);
    }

    private static HashSet<string?> CabledInterfaces(Design design, string device) =>
        design.Links.SelectMany(l => new[] { l.A, l.B }).Where(e => e.Device == device).Select(e => e.Interface).ToHashSet();

    private static (Design Design, LinkEnd End, string? Problem) End(Design design, Device device, string? chosen)
    {
        if (device.Kind.IsSegment())
        {
            return (design, new LinkEnd(device.Name), null);
        }

        if (chosen is null)
        {
            return FreeInterfaces(design, device.Name) is [var free, ..]
                ? (design, new LinkEnd(device.Name, free), null)
                : WithNewInterface(design, device, NextInterfaceName(device));
        }

        chosen = chosen.Trim();
        if (device.FindInterface(chosen) is null)
        {
            return InterfaceEdits.NameProblem(device, chosen) is { } problem
                ? (design, new LinkEnd(device.Name), problem)
                : WithNewInterface(design, device, chosen);
        }

        return CabledInterfaces(design, device.Name).Contains(chosen)
            ? (design, new LinkEnd(device.Name), $"{device.Name}:{chosen} already has a cable; pick a free interface or add a new one.")
            : (design, new LinkEnd(device.Name, chosen), null);
    }

    private static (Design Design, LinkEnd End, string? Problem) WithNewInterface(Design design, Device device, string name) =>
        (InterfaceEdits.WithInterface(design, device.Name, name), new LinkEnd(device.Name, name), null);

    /// <summary>Replaces one device by what <paramref name="change"/> makes of it.</summary>
    public static Design UpdateDevice(Design design, string device, Func<Device, Device> change) =>
        design with { Devices = [.. design.Devices.Select(d => d.Name == device ? change(d) : d)] };

    /// <summary>
    /// Pastes copies of devices (and the cables among them) offset from the originals, by the smallest diagonal step at
    /// which no copy hides a device already there (so pasting again lands beside the last paste, not on it). Each copy
    /// gets a fresh name ("Router1 copy", "Router1 copy 2"...); cables to devices outside the copy are left out.
    /// </summary>
    public static (Design Design, IReadOnlyList<string> Names) Paste(Design design, IReadOnlyList<Device> devices, IReadOnlyList<Link> links)
    {
        var offset = FreeSpace.OffsetFor(design, [.. devices.Select(d => d.Position)]);
        var taken = design.Devices.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            var name = $"{device.Name} copy";
            for (var n = 2; taken.Contains(name); n++)
            {
                name = $"{device.Name} copy {n}";
            }

            taken.Add(name);
            renamed[device.Name] = name;
        }

        var copies = devices.Select(d => d with
        {
            Name = renamed[d.Name],
            Position = new Position(d.Position.X + offset, d.Position.Y + offset),
            Mx = d.Mx is { } mx ? mx with { VpnPeers = [.. mx.VpnPeers.Select(p => renamed.GetValueOrDefault(p, p))] } : null,
        });
        var cables = links.Where(l => renamed.ContainsKey(l.A.Device) && renamed.ContainsKey(l.B.Device))
            .Select(l => new Link(l.A with { Device = renamed[l.A.Device] }, l.B with { Device = renamed[l.B.Device] }));
        return (design with { Devices = [.. design.Devices, .. copies], Links = [.. design.Links, .. cables] }, [.. renamed.Values]);
    }
}
