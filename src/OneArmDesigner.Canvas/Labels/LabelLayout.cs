using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Labels;

/// <summary>
/// Where each label of a diagram is drawn at the current zoom, so that none overlaps another or a node: node names,
/// and link labels at their own end of the line. Labels keep the on-screen size the options give them
/// (<see cref="DiagramOptions.LabelPixels"/>, never below <see cref="DiagramOptions.LabelMinPixels"/>); when one has
/// no room it shortens to its short form, and then hides, rather than shrink. Recomputed by the diagram when the zoom,
/// a node's box, a label or the structure changes; renderers read it.
/// </summary>
public sealed class LabelLayout
{
    private Dictionary<(SelectableElement, LabelRole), PlacedLabel> _placed = [];

    internal LabelLayout()
    {
    }

    /// <summary>The zoom the layout was computed for.</summary>
    public double Zoom { get; private set; } = 1;

    /// <summary>The labels' font size in diagram units at that zoom.</summary>
    public double FontSize { get; private set; } = 12;

    /// <summary>The box around every placed label, or null when none is placed.</summary>
    public Rect? Bounds => Rect.Union(_placed.Values.Select(p => p.Box));

    /// <summary>A node's name as placed, or null when it is hidden or the node has none.</summary>
    public PlacedLabel? For(NodeModel node) => Get(node, LabelRole.Node);

    /// <summary>One of a link's labels as placed, or null when it is hidden or the link has none.</summary>
    public PlacedLabel? For(LinkModel link, LabelRole role) => Get(link, role);

    /// <summary>The font size, in diagram units, that gives labels their on-screen size at a zoom.</summary>
    public static double FontSizeAt(DiagramOptions options, double zoom)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zoom);
        return Math.Clamp(options.LabelPixels * zoom, options.LabelMinPixels, options.LabelMaxPixels) / zoom;
    }

    /// <summary>Lays the labels out again; returns the elements whose labels moved, changed text, or appeared or hid.</summary>
    internal IReadOnlyCollection<SelectableElement> Update(Diagram diagram)
    {
        Zoom = diagram.LabelZoom;
        FontSize = FontSizeAt(diagram.Options, Zoom);
        var next = LabelPlacer.Place(diagram, Zoom, FontSize, diagram.LabelFrame);
        var changed = new HashSet<SelectableElement>();
        foreach (var (key, placed) in next)
        {
            if (!_placed.TryGetValue(key, out var old) || old != placed)
            {
                changed.Add(key.Item1);
            }
        }

        foreach (var key in _placed.Keys.Where(k => !next.ContainsKey(k)))
        {
            changed.Add(key.Item1);
        }

        _placed = next;
        changed.RemoveWhere(e => e.Diagram != diagram);
        return changed;
    }

    private PlacedLabel? Get(SelectableElement element, LabelRole role) =>
        _placed.TryGetValue((element, role), out var placed) ? placed : null;
}
