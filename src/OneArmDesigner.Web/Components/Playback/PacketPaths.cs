using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Geometry;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// Where a packet goes on the canvas when it crosses a cable: from the sending device's centre along the cable (through
/// the segment's centre when the crossing goes through a VLAN or the Internet) to the receiving device's centre. The
/// canvas draws cables between node centres, so this path lies on them.
/// </summary>
public static class PacketPaths
{
    public static IReadOnlyList<Point>? Of(Diagram diagram, LinkView? crossing)
    {
        if (crossing is null || !diagram.Nodes.TryGet(crossing.From, out var from) || !diagram.Nodes.TryGet(crossing.To, out var to))
        {
            return null;
        }

        return crossing.Segment is { } name && diagram.Nodes.TryGet(name, out var segment)
            ? [from.Center, segment.Center, to.Center]
            : [from.Center, to.Center];
    }

    /// <summary>The path shifted sideways by <paramref name="offset"/>, each piece on its own, always to the same side
    /// of a cable whichever way it is crossed (so packets going both ways keep their own lanes).</summary>
    public static IEnumerable<(Point From, Point To)> Lanes(IReadOnlyList<Point> path, double offset)
    {
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var (a, b) = (path[i], path[i + 1]);
            var (low, high) = a.X < b.X || (a.X == b.X && a.Y < b.Y) ? (a, b) : (b, a);
            var length = low.DistanceTo(high);
            var normal = length == 0 ? Point.Zero : new Point(-(high.Y - low.Y) / length, (high.X - low.X) / length);
            yield return (a + (normal * offset), b + (normal * offset));
        }
    }

    public static string Points(IEnumerable<Point> points) => string.Join(' ', points.Select(p => $"{Num(p.X)},{Num(p.Y)}"));

    public static string Num(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
