using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Editing;

/// <summary>Changes to a cable that is already laid: which interface it plugs into at a device end.</summary>
public static class CableEdits
{
    /// <summary>The interfaces a cable's end at this device could use: the one it uses now, then the device's free ones.</summary>
    public static IReadOnlyList<string> Choices(Design design, Link link, string device)
    {
        var current = End(link, device)?.Interface;
        return [.. new[] { current }.OfType<string>().Concat(DesignEdits.FreeInterfaces(design, device))];
    }

    /// <summary>Moves the cable's end at <paramref name="device"/> to another of its free interfaces.</summary>
    public static (Design? Design, string? Problem) SetInterface(Design design, int linkIndex, string device, string interfaceName)
    {
        if (linkIndex < 0 || linkIndex >= design.Links.Count || End(design.Links[linkIndex], device) is not { } end)
        {
            return (null, $"That cable is no longer in the design, or does not end at {device}.");
        }

        if (end.Interface == interfaceName)
        {
            return (design, null);
        }

        if (!DesignEdits.FreeInterfaces(design, device).Contains(interfaceName))
        {
            return (null, $"{device}:{interfaceName} is not a free interface; pick one without a cable.");
        }

        var link = design.Links[linkIndex];
        var moved = link.A == end ? link with { A = end with { Interface = interfaceName } } : link with { B = end with { Interface = interfaceName } };
        return (design with { Links = [.. design.Links.Select((l, i) => i == linkIndex ? moved : l)] }, null);
    }

    /// <summary>
    /// The address to suggest for a device's interface on this cable: a free one in the subnet of the VLAN at the
    /// cable's other end, with that subnet's length. Null when the other end is no addressed VLAN, or it is full.
    /// </summary>
    public static string? SuggestedAddress(Design design, Link link, string device)
    {
        var other = link.A.Device == device ? link.B.Device : link.A.Device;
        return design.FindDevice(other)?.Vlan?.Subnet is { } subnet && FreeSpace.Address(design, subnet) is { } free
            ? $"{free}/{subnet.Length}"
            : null;
    }

    private static LinkEnd? End(Link link, string device) => link.A.Device == device ? link.A : link.B.Device == device ? link.B : null;
}
