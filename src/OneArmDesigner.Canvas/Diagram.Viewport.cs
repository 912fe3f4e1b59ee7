using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

public sealed partial class Diagram
{
    /// <summary>Default screen padding, in pixels, kept around the content by <see cref="ZoomToFit"/>.</summary>
    public const double DefaultFitPadding = 40;

    private Viewport _viewport = Viewport.Default;
    private double? _pendingFitPadding;

    /// <summary>Raised once after the viewport changed (once per batch).</summary>
    public event EventHandler? ViewportChanged;

    /// <summary>The current pan, zoom and canvas size. Setting it clamps the zoom to the options' limits.</summary>
    public Viewport Viewport
    {
        get => _viewport;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var clamped = value with { Zoom = Math.Clamp(value.Zoom, Options.MinZoom, Options.MaxZoom) };
            if (clamped != _viewport)
            {
                _viewport = clamped;
                MarkChanged(null, ChangeKinds.Viewport);
            }
        }
    }

    /// <summary>The box around every node, in diagram coordinates, or null for an empty diagram.</summary>
    public Rect? ContentBounds => Rect.Union(Nodes.Select(n => n.Bounds));

    /// <summary>Records the canvas's size on screen (renderers call it); runs a <see cref="ZoomToFit"/> that waited for it.</summary>
    public void SetViewportSize(Size size)
    {
        using (Batch())
        {
            Viewport = _viewport with { Size = size };
            if (!size.IsEmpty && _pendingFitPadding is { } padding)
            {
                ZoomToFit(padding);
            }
        }
    }

    /// <summary>Moves the view by a displacement in screen pixels.</summary>
    public void PanBy(Point screenDelta) => Viewport = _viewport.PannedBy(screenDelta);

    /// <summary>Zooms to <paramref name="zoom"/> (clamped), keeping the diagram point under <paramref name="screenPoint"/> fixed.</summary>
    public void ZoomAbout(Point screenPoint, double zoom) =>
        Viewport = _viewport.ZoomedAbout(screenPoint, Math.Clamp(zoom, Options.MinZoom, Options.MaxZoom));

    /// <summary>Multiplies the zoom by <paramref name="factor"/> about the canvas centre (for zoom buttons).</summary>
    public void ZoomBy(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        ZoomAbout(new Point(_viewport.Size.Width / 2, _viewport.Size.Height / 2), _viewport.Zoom * factor);
    }

    /// <summary>
    /// Zooms and pans so every node is visible and centred with <paramref name="padding"/> screen pixels around it.
    /// If the canvas size is not known yet, the fit waits for <see cref="SetViewportSize"/>. An empty diagram
    /// resets to zoom 1 with the origin at the top-left corner.
    /// </summary>
    public void ZoomToFit(double padding = DefaultFitPadding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (_viewport.Size.IsEmpty)
        {
            _pendingFitPadding = padding;
            return;
        }

        _pendingFitPadding = null;
        Viewport = ContentBounds is { } content
            ? _viewport.FittedTo(content, padding, Options.MinZoom, Math.Max(Options.MinZoom, Math.Min(Options.MaxZoom, Options.MaxFitZoom)))
            : _viewport with { Pan = Point.Zero, Zoom = Math.Clamp(1, Options.MinZoom, Options.MaxZoom) };
    }
}
