namespace OneArmDesigner.Canvas.Geometry;

/// <summary>
/// Where a link is drawn, computed only from its nodes' boxes. The JS drag preview mirrors these rules in
/// <c>diagramCanvas.js</c> (<c>drawLink</c>); change both together. Labels are placed by the diagram's
/// <see cref="Labels.LabelLayout"/>.
/// </summary>
/// <param name="Start">Where the line leaves the source node.</param>
/// <param name="End">Where the line reaches the target node.</param>
public readonly record struct LinkGeometry(Point Start, Point End)
{
    /// <summary>Midpoint of the line.</summary>
    public Point Middle => Start.Lerp(End, 0.5);

    /// <summary>Length of the line in diagram units.</summary>
    public double Length => Start.DistanceTo(End);

    /// <summary>Computes a link's geometry from its nodes' current boxes and its port pins.</summary>
    public static LinkGeometry Compute(LinkModel link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Compute(link.Source.Bounds, link.SourcePort, link.Target.Bounds, link.TargetPort);
    }

    /// <summary>
    /// Computes the ends of a line between two boxes. A pinned end sits at its port; a free end sits where the
    /// line from its box's centre towards the other end's reference point (the other port, or the other box's
    /// centre) leaves its box.
    /// </summary>
    public static LinkGeometry Compute(Rect source, PortSide? sourcePort, Rect target, PortSide? targetPort)
    {
        var sourceRef = sourcePort is { } sp ? PortPoint(source, sp) : source.Center;
        var targetRef = targetPort is { } tp ? PortPoint(target, tp) : target.Center;
        var start = sourcePort is null ? BoundaryPoint(source, targetRef) : sourceRef;
        var end = targetPort is null ? BoundaryPoint(target, sourceRef) : targetRef;
        return new LinkGeometry(start, end);
    }

    /// <summary>The midpoint of the given side of a box.</summary>
    public static Point PortPoint(Rect box, PortSide side) => side switch
    {
        PortSide.Top => new Point(box.Center.X, box.Top),
        PortSide.Right => new Point(box.Right, box.Center.Y),
        PortSide.Bottom => new Point(box.Center.X, box.Bottom),
        PortSide.Left => new Point(box.Left, box.Center.Y),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    /// <summary>Where a ray from the box's centre towards <paramref name="toward"/> crosses the box's edge.</summary>
    public static Point BoundaryPoint(Rect box, Point toward)
    {
        var centre = box.Center;
        var dx = toward.X - centre.X;
        var dy = toward.Y - centre.Y;
        if (dx == 0 && dy == 0)
        {
            return centre;
        }

        // Scale the direction until it first touches a vertical or a horizontal edge.
        var scaleX = dx == 0 ? double.PositiveInfinity : box.Width / 2 / Math.Abs(dx);
        var scaleY = dy == 0 ? double.PositiveInfinity : box.Height / 2 / Math.Abs(dy);
        var scale = Math.Min(scaleX, scaleY);
        return new Point(centre.X + (dx * scale), centre.Y + (dy * scale));
    }
}
