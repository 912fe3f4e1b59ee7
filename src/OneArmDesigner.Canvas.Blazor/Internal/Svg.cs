using System.Globalization;
using System.Text;
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

    /// <summary>One path of closed rectangles, the nodes' boxes: thousands of nodes as one element (minimap, sketch).</summary>
    public static string Boxes(IEnumerable<NodeModel> nodes)
    {
        var path = new StringBuilder();
        foreach (var node in nodes)
        {
            path.Append('M').Append(Num(node.Position.X)).Append(' ').Append(Num(node.Position.Y))
                .Append('h').Append(Num(node.Size.Width)).Append('v').Append(Num(node.Size.Height))
                .Append('h').Append(Num(-node.Size.Width)).Append('z');
        }

        return path.ToString();
    }

    /// <summary>One path of every link's line, as drawn: thousands of links as one element.</summary>
    public static string Lines(IEnumerable<LinkModel> links)
    {
        var path = new StringBuilder();
        foreach (var link in links)
        {
            var g = link.Geometry;
            path.Append('M').Append(Num(g.Start.X)).Append(' ').Append(Num(g.Start.Y))
                .Append('L').Append(Num(g.End.X)).Append(' ').Append(Num(g.End.Y));
        }

        return path.ToString();
    }

    /// <summary>The lower-case side name used in <c>data-port</c> attributes.</summary>
    public static string PortName(PortSide side) => side.ToString().ToLowerInvariant();
}
