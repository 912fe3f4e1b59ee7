namespace OneArmDesigner.Domain.Model;

/// <summary>
/// A whole network design: devices and the links between them, and the notes and areas written on its canvas.
/// Immutable; edits produce a new design.
/// </summary>
public sealed record Design(string Name, IReadOnlyList<Device> Devices, IReadOnlyList<Link> Links, string? Description = null)
{
    /// <summary>Notes and labelled areas on the canvas, for people; the engine ignores them.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];

    public static Design Empty(string name = "Untitled design") => new(name, [], []);

    public Device? FindDevice(string name)
    {
        foreach (var device in Devices)
        {
            if (device.Name == name)
            {
                return device;
            }
        }

        return null;
    }

    public Device GetDevice(string name) =>
        FindDevice(name) ?? throw new KeyNotFoundException($"The design has no device named '{name}'.");

    /// <summary>The link attached to this device interface, if any.</summary>
    public Link? FindLink(string device, string interfaceName)
    {
        foreach (var link in Links)
        {
            if ((link.A.Device == device && link.A.Interface == interfaceName)
                || (link.B.Device == device && link.B.Interface == interfaceName))
            {
                return link;
            }
        }

        return null;
    }
}
