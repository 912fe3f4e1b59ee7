using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Editing;

/// <summary>What the person chose for one end of a new cable: the interface (existing or new) and, optionally, its address.</summary>
public sealed record CableEnd(string Device, string? Interface, string? Address);

/// <summary>Lays a cable between two chosen ends and addresses them, as one edit.</summary>
public static class CableEnds
{
    public static (Design? Design, string? Problem) Connect(Design design, CableEnd a, CableEnd b)
    {
        var (cabled, problem) = DesignEdits.Connect(design, a.Device, b.Device, a.Interface, b.Interface);
        if (cabled is null)
        {
            return (null, problem);
        }

        foreach (var end in new[] { a, b })
        {
            var link = cabled.Links[^1];
            var iface = link.A.Device == end.Device ? link.A.Interface : link.B.Interface;
            if (iface is null || end.Address is null || cabled.GetDevice(end.Device).FindInterface(iface)?.Address?.ToString() == end.Address.Trim())
            {
                continue;
            }

            var (addressed, wrong) = DesignEdits.SetInterfaceAddress(cabled, end.Device, iface, end.Address);
            if (addressed is null)
            {
                return (null, $"{end.Device}:{iface}: {wrong}");
            }

            cabled = addressed;
        }

        return (cabled, null);
    }
}
