using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Labels;

/// <summary>
/// Places every label of a diagram for one zoom, greedily: node names first, then the labels at each link's ends,
/// then the middle ones. Each label tries its positions in order of preference and takes the first that overlaps no
/// node and no label already placed (and, if one exists, no other link's line); failing that it tries its short
/// form, and failing that it is left out. Sizes are the on-screen sizes the canvas's CSS gives labels at this zoom,
/// so what is placed is what the browser draws.
/// </summary>
internal sealed class LabelPlacer
{
    /// <summary>Screen pixels between a label and the node or line it belongs to.</summary>
    private const double GapPixels = 3;

    /// <summary>Screen pixels kept clear around each label.</summary>
    private const double PaddingPixels = 1.5;

    /// <summary>How many places an end label tries as it slides away from its node: farther, it no longer reads as that
    /// end's (and on long lines trying every place would cost more than the whole rest of the layout).</summary>
    private const int MaxSlides = 8;

    private readonly Dictionary<(SelectableElement, LabelRole), PlacedLabel> _placed = [];
    private readonly SpatialGrid _grid;
    private readonly double _fontSize;
    private readonly double _gap;
    private readonly double _padding;
    private readonly Rect? _frame;

    private LabelPlacer(double zoom, double fontSize, Rect? frame)
    {
        _frame = frame;
        _fontSize = fontSize;
        _gap = GapPixels / zoom;
        _padding = PaddingPixels / zoom;
        _grid = new SpatialGrid(Math.Max(fontSize * 6, 48));
    }

    /// <param name="frame">Where every label must lie, or null for anywhere.</param>
    public static Dictionary<(SelectableElement, LabelRole), PlacedLabel> Place(Diagram diagram, double zoom, double fontSize, Rect? frame = null)
    {
        var placer = new LabelPlacer(zoom, fontSize, frame);
        // A container (an area) holds other nodes and their labels; only what is drawn inside it is in the way.
        foreach (var node in diagram.Nodes.Where(n => !n.IsContainer))
        {
            placer._grid.Add(node.Bounds.Inflate(placer._gap));
        }

        foreach (var link in diagram.Links)
        {
            var g = link.Geometry;
            placer._grid.Add(g.Start, g.End);
        }

        foreach (var node in diagram.Nodes)
        {
            placer.Try(node, LabelRole.Node, node.Label, node.ShortLabel, (w, h) => NodeCandidates(node.Bounds, w, h, placer._gap));
        }

        foreach (var link in diagram.Links)
        {
            var g = link.Geometry;
            var shared = !string.IsNullOrEmpty(link.SourceLabel) && !string.IsNullOrEmpty(link.TargetLabel);
            placer.Try(link, LabelRole.Source, link.SourceLabel, link.SourceShortLabel, (w, h) => placer.EndCandidates(g.Start, g.End, shared, w, h));
            placer.Try(link, LabelRole.Target, link.TargetLabel, link.TargetShortLabel, (w, h) => placer.EndCandidates(g.End, g.Start, shared, w, h));
        }

        foreach (var link in diagram.Links)
        {
            var g = link.Geometry;
            placer.Try(link, LabelRole.Middle, link.Label, null, (w, h) => placer.MiddleCandidates(g.Start, g.End, w, h));
        }

        return placer._placed;
    }

    private void Try(SelectableElement element, LabelRole role, string? text, string? shortText, Func<double, double, IEnumerable<Rect>> candidates)
    {
        foreach (var option in new[] { text, shortText })
        {
            if (string.IsNullOrEmpty(option))
            {
                continue;
            }

            var width = TextMetrics.Width(option, _fontSize) + (2 * _padding);
            var height = (TextMetrics.LineHeight * _fontSize) + (2 * _padding);
            if (FirstFree(candidates(width, height)) is { } free)
            {
                _grid.Add(free);
                _placed[(element, role)] = new PlacedLabel(free.Inflate(-_padding), option);
                return;
            }
        }
    }

    /// <summary>
    /// The first candidate clear of boxes and lines, else the first clear of boxes, else null; only candidates inside the
    /// frame count. One pass: a label with no room (most of them, far zoomed out) tested every candidate against the
    /// boxes twice.
    /// </summary>
    private Rect? FirstFree(IEnumerable<Rect> candidates)
    {
        Rect? clearOfBoxes = null;
        foreach (var box in candidates)
        {
            if ((_frame is { } frame && !frame.Contains(box)) || _grid.HitsBox(box))
            {
                continue;
            }

            if (!_grid.HitsSegment(box))
            {
                return box;
            }

            clearOfBoxes ??= box;
        }

        return clearOfBoxes;
    }

    /// <summary>Below the node, then above, beside, and below but shifted off-centre.</summary>
    private static IEnumerable<Rect> NodeCandidates(Rect node, double w, double h, double gap)
    {
        yield return new Rect(node.Center.X - (w / 2), node.Bottom + gap, w, h);
        yield return new Rect(node.Center.X - (w / 2), node.Top - gap - h, w, h);
        yield return new Rect(node.Right + gap, node.Center.Y - (h / 2), w, h);
        yield return new Rect(node.Left - gap - w, node.Center.Y - (h / 2), w, h);
        yield return new Rect(node.Left, node.Bottom + gap, w, h);
        yield return new Rect(node.Right - w, node.Bottom + gap, w, h);
    }

    /// <summary>
    /// Beside the line at its <paramref name="end"/>, just clear of the node: on the upper (or right) side first, then
    /// the other, then sliding away from the node; never past the middle of the line when the other end has a label
    /// too (that half is its), never onto the other node.
    /// </summary>
    private IEnumerable<Rect> EndCandidates(Point end, Point other, bool shared, double w, double h)
    {
        var length = end.DistanceTo(other);
        if (length == 0)
        {
            yield break;
        }

        var u = (other - end) / length;
        var side = PreferredSide(u);
        var alongExtent = HalfExtent(u, w, h);
        var acrossExtent = HalfExtent(side, w, h);
        // Twice the gap from the node: on a line that is not quite level, the label's axis-aligned box leans towards it.
        var reach = shared ? (length / 2) + _gap : length - _gap;
        for (var (slide, tries) = (0.0, 0); tries < MaxSlides && (2 * _gap) + (2 * alongExtent) + slide <= reach; (slide, tries) = (slide + (h / 2), tries + 1))
        {
            var centre = end + (u * ((2 * _gap) + alongExtent + slide));
            foreach (var s in new[] { 1.0, -1.0 })
            {
                yield return Around(centre + (side * (s * (acrossExtent + _gap))), w, h);
            }
        }
    }

    /// <summary>Beside the line's middle, on either side, then sliding towards each end.</summary>
    private IEnumerable<Rect> MiddleCandidates(Point start, Point end, double w, double h)
    {
        var length = start.DistanceTo(end);
        if (length == 0)
        {
            yield break;
        }

        var u = (end - start) / length;
        var side = PreferredSide(u);
        var acrossExtent = HalfExtent(side, w, h);
        var middle = start.Lerp(end, 0.5);
        foreach (var slide in new[] { 0.0, h, -h })
        {
            foreach (var s in new[] { 1.0, -1.0 })
            {
                yield return Around(middle + (u * slide) + (side * (s * (acrossExtent + _gap))), w, h);
            }
        }
    }

    /// <summary>The normal to a line that points up the screen, or right for a horizontal normal.</summary>
    private static Point PreferredSide(Point u)
    {
        var normal = new Point(-u.Y, u.X);
        return normal.Y < -1e-9 || (Math.Abs(normal.Y) <= 1e-9 && normal.X > 0) ? normal : normal * -1;
    }

    /// <summary>How far an axis-aligned box reaches from its centre in a unit direction.</summary>
    private static double HalfExtent(Point direction, double w, double h) =>
        (Math.Abs(direction.X) * w / 2) + (Math.Abs(direction.Y) * h / 2);

    private static Rect Around(Point centre, double w, double h) => new(centre.X - (w / 2), centre.Y - (h / 2), w, h);
}
