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
}
