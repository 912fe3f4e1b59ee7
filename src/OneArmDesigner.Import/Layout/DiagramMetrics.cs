using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Layout;

/// <summary>
/// How big the canvas draws a device and its labels, in canvas units, so a layout can keep them apart. It mirrors the
/// canvas's drawing (DesignDiagram, diagramCanvas.css): 48×48 glyphs (the Internet 64×48), a 12px name label centred
/// 6 units below the glyph, and an interface label ("name address") at each device end of a cable.
/// </summary>
public static class DiagramMetrics
{
    /// <summary>Average width of one character of the 12px label font, generously rounded up.</summary>
    public const double CharacterWidth = 7.2;

    public const double LabelHeight = 16;

    public const double LabelGap = 6;

    public static (double Width, double Height) NodeSize(DeviceKind kind) => kind == DeviceKind.Internet ? (64, 48) : (48, 48);

    /// <summary>The text under a device: its name, and for a VLAN its ID.</summary>
    public static string NodeLabel(Device device) =>
        device.Kind == DeviceKind.Vlan && device.Vlan is { } vlan ? $"{device.Name} · VLAN {vlan.VlanId}" : device.Name;

    /// <summary>The text at a device's end of a cable: the interface and its address.</summary>
    public static string InterfaceLabel(Device device, string interfaceName) =>
        device.FindInterface(interfaceName)?.Address is { } address ? $"{interfaceName} {address}" : interfaceName;

    public static double TextWidth(string text) => text.Length * CharacterWidth;
}
