using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Editing;

/// <summary>
/// Adding, renaming and removing a device's interfaces. A name is referred to by cables, an MX's uplink and a
/// firewall's NAT rules and access lists, so a rename carries all of them along and a removal takes its cables.
/// </summary>
public static class InterfaceEdits
{
    /// <summary>Why <paramref name="name"/> cannot be a new interface name on this device, or null when it can.</summary>
    public static string? NameProblem(Device device, string name)
    {
        if (name.Length == 0)
        {
            return "An interface needs a name.";
        }

        if (name.Any(c => char.IsWhiteSpace(c) || c == ':'))
        {
            return $"'{name}' cannot be an interface name: use letters, digits, '-', '/' or '.', without spaces or ':'.";
        }

        return device.FindInterface(name) is not null ? $"{device.Name} already has an interface called {name}." : null;
    }

    /// <summary>Adds an interface with the next free name (eth1, g2...).</summary>
    public static (Design Design, string Name) Add(Design design, string device)
    {
        var name = DesignEdits.NextInterfaceName(design.GetDevice(device));
        return (WithInterface(design, device, name), name);
    }

    /// <summary>Adds an unaddressed interface by this name; the caller has checked the name (<see cref="NameProblem"/>).</summary>
    public static Design WithInterface(Design design, string device, string name) =>
        DesignEdits.UpdateDevice(design, device, d => d with { Interfaces = [.. d.Interfaces, new DeviceInterface(name, null)] });

    public static (Design? Design, string? Problem) Rename(Design design, string device, string from, string to)
    {
        to = to.Trim();
        if (to == from)
        {
            return (design, null);
        }

        if (NameProblem(design.GetDevice(device), to) is { } problem)
        {
            return (null, problem);
        }

        LinkEnd Follow(LinkEnd end) => end.Device == device && end.Interface == from ? end with { Interface = to } : end;
        string Same(string name) => name == from ? to : name;

        var renamed = DesignEdits.UpdateDevice(design, device, d => d with
        {
            Interfaces = [.. d.Interfaces.Select(i => i.Name == from ? i with { Name = to } : i)],
            Mx = d.Mx is { } mx ? mx with { Uplink = Same(mx.Uplink) } : null,
            Firewall = d.Firewall is { } fw
                ? fw with
                {
                    Nat = [.. fw.Nat.Select(r => r with { OutsideInterface = Same(r.OutsideInterface) })],
                    Acl = [.. fw.Acl.Select(r => r with { Interface = Same(r.Interface) })],
                }
                : null,
        });
        return (renamed with { Links = [.. renamed.Links.Select(l => new Link(Follow(l.A), Follow(l.B)))] }, null);
    }

    /// <summary>Removes an interface and its cable. An MX's uplink and an interface a firewall rule names stay until those change.</summary>
    public static (Design? Design, string? Problem) Remove(Design design, string device, string name)
    {
        var owner = design.GetDevice(device);
        if (owner.Mx is { } mx && mx.Uplink == name)
        {
            return (null, $"{name} is {device}'s uplink; choose another uplink first.");
        }

        if (owner.Firewall is { } fw && (fw.Nat.Any(r => r.OutsideInterface == name) || fw.Acl.Any(r => r.Interface == name)))
        {
            return (null, $"{device}'s NAT rules or access list use {name}; remove those rules first.");
        }

        var without = DesignEdits.UpdateDevice(design, device, d => d with { Interfaces = [.. d.Interfaces.Where(i => i.Name != name)] });
        return (without with { Links = [.. without.Links.Where(l => !(l.A.Device == device && l.A.Interface == name) && !(l.B.Device == device && l.B.Interface == name))] }, null);
    }

    public static Design SetSecurityLevel(Design design, string device, string name, int level) =>
        DesignEdits.UpdateDevice(design, device, d => d with { Interfaces = [.. d.Interfaces.Select(i => i.Name == name ? i with { SecurityLevel = level } : i)] });
}
