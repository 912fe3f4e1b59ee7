using System.Globalization;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Blazor.Internal;

/// <summary>Formatting for SVG attributes: invariant culture, at most three decimals.</summary>
internal static class Svg
{
    public static string Num(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    public static string Translate(Point p) => $"translate({Num(p.X)} {Num(p.Y)})";

    /// <summary>The viewport transform; the JS preview writes the same shape.</summary>
    public static string ViewportTransform(Viewport v) => $"translate({Num(v.Pan.X)} {Num(v.Pan.Y)}) scale({Num(v.Zoom)})";

    /// <summary>The lower-case role name used in link label classes (<c>oad-link-label-source</c>...).</summary>
    public static string RoleName(Labels.LabelRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The lower-case side name used in <c>data-port</c> attributes.</summary>
    public static string PortName(PortSide side) => side.ToString().ToLowerInvariant();
}
