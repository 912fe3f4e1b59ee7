namespace OneArmDesigner.Canvas.Geometry;

/// <summary>
/// What part of the diagram the canvas shows: screen = diagram × <see cref="Zoom"/> + <see cref="Pan"/>.
/// Immutable; every operation returns a new viewport. Zoom limits are applied by the <see cref="Diagram"/>
/// that owns the viewport, not here.
/// </summary>
public sealed record Viewport
{
    /// <summary>Creates a viewport.</summary>
    /// <param name="pan">Screen position, in pixels, of the diagram's origin.</param>
    /// <param name="zoom">Screen pixels per diagram unit; must be positive.</param>
    /// <param name="size">Size of the canvas on screen, in pixels; empty until the renderer reports it.</param>
    public Viewport(Point pan, double zoom, Size size = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zoom);
        Pan = pan;
        Zoom = zoom;
        Size = size;
    }

    /// <summary>No pan, zoom 1, unknown size.</summary>
    public static Viewport Default { get; } = new(Point.Zero, 1);

    /// <summary>Screen position, in pixels relative to the canvas's top-left corner, of the diagram's origin.</summary>
    public Point Pan { get; init; }

    /// <summary>Screen pixels per diagram unit.</summary>
    public double Zoom { get; init; }

    /// <summary>Size of the canvas on screen, in pixels.</summary>
    public Size Size { get; init; }

    /// <summary>The part of the diagram currently visible, in diagram coordinates.</summary>
    public Rect VisibleArea => Rect.FromPoints(ToDiagram(Point.Zero), ToDiagram(new Point(Size.Width, Size.Height)));

    /// <summary>Converts a canvas-relative screen point to diagram coordinates.</summary>
    public Point ToDiagram(Point screen) => (screen - Pan) / Zoom;

    /// <summary>Converts a diagram point to canvas-relative screen coordinates.</summary>
    public Point ToScreen(Point diagram) => (diagram * Zoom) + Pan;

    /// <summary>This viewport moved by a screen-pixel displacement.</summary>
    public Viewport PannedBy(Point screenDelta) => this with { Pan = Pan + screenDelta };

    /// <summary>
    /// This viewport at <paramref name="zoom"/>, keeping the diagram point under <paramref name="screenPoint"/>
    /// where it is on screen (the wheel-zoom rule).
    /// </summary>
    public Viewport ZoomedAbout(Point screenPoint, double zoom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zoom);
        var anchor = ToDiagram(screenPoint);
        return this with { Zoom = zoom, Pan = screenPoint - (anchor * zoom) };
    }

    /// <summary>
    /// This viewport zoomed and panned so that <paramref name="content"/> fits the canvas, centred, with at least
    /// <paramref name="padding"/> screen pixels on every side; the zoom is clamped to the given limits.
    /// Returns this viewport unchanged while the canvas size is unknown.
    /// </summary>
    public Viewport FittedTo(Rect content, double padding, double minZoom, double maxZoom)
    {
        if (Size.IsEmpty)
        {
            return this;
        }

        var availableWidth = Math.Max(1, Size.Width - (2 * padding));
        var availableHeight = Math.Max(1, Size.Height - (2 * padding));
        var zoom = Math.Min(
            content.Width > 0 ? availableWidth / content.Width : maxZoom,
            content.Height > 0 ? availableHeight / content.Height : maxZoom);
        zoom = Math.Clamp(zoom, minZoom, maxZoom);
        var screenCentre = new Point(Size.Width / 2, Size.Height / 2);
        return this with { Zoom = zoom, Pan = screenCentre - (content.Center * zoom) };
    }
}
