using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

public sealed partial class Diagram
{
    /// <summary>Default screen padding, in pixels, kept around the content by <see cref="ZoomToFit"/>.</summary>
    public const double DefaultFitPadding = 40;

    /// <summary>
    /// The canvas size a waiting fit is assumed to get, to lay labels out before the size is known: a laptop's canvas
    /// beside an app's panels. Most designs fit it at zoom 1, like any real canvas; a design of thousands of nodes fits
    /// it far zoomed out, where most labels hide, as they will at the real size.
    /// </summary>
    private static readonly Size AssumedCanvasSize = new(800, 600);

    private Viewport _viewport = Viewport.Default;

    /// <summary>
    /// Set by <see cref="ZoomToFit"/>: the view is fitted (or waits for the canvas size to be), and stays fitted as the
    /// canvas is resized, until anything else pans or zooms it.
    /// </summary>
    private double? _fitPadding;
    private bool _fitting;

    /// <summary>True while a fit lays labels out only to measure how far past the nodes they reach.</summary>
    private bool _measuringLabelReach;

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
                // Labels follow the zoom, and while the size is unknown, the zoom a waiting fit is expected to pick.
                if (clamped.Zoom != _viewport.Zoom || clamped.Size.IsEmpty != _viewport.Size.IsEmpty)
                {
                    InvalidateLabels();
                }

                if (!_fitting && (clamped.Zoom != _viewport.Zoom || clamped.Pan != _viewport.Pan))
                {
                    // The fitted view kept its labels inside the canvas (see LabelFrame); once moved, those left out at
                    // its edges may have room again.
                    if (_fitPadding is not null)
                    {
                        InvalidateLabels();
                    }

                    _fitPadding = null;
                }

                _viewport = clamped;
                MarkChanged(null, ChangeKinds.Viewport);
            }
        }
    }

    /// <summary>
    /// Where a fit waiting for the canvas size will look, in diagram coordinates (the nodes with the fit's padding
    /// around them), or null when no fit waits. A renderer that has no size yet (a page rendered on the server before
    /// it is live) can show this box scaled to whatever size the canvas turns out to have.
    /// </summary>
    public Rect? PendingFitBounds => _viewport.Size.IsEmpty && _fitPadding is { } padding && ContentBounds is { } content
        ? content.Inflate(padding)
        : null;

    /// <summary>
    /// The zoom labels are laid out for: the view's, or, while a fit waits for the canvas size, the zoom that fit would
    /// pick on <see cref="AssumedCanvasSize"/>. A page rendered before it is live then carries the labels the fitted
    /// view will show, not every label at zoom 1 (on a large design, thousands that hide as soon as the size is known).
    /// </summary>
    internal double LabelZoom => PendingFitBounds is not null && _fitPadding is { } padding && ContentBounds is { } content
        ? (_viewport with { Size = AssumedCanvasSize }).FittedTo(content, padding, Options.MinZoom, Math.Max(Options.MinZoom, Math.Min(Options.MaxZoom, Options.MaxFitZoom))).Zoom
        : _viewport.Zoom;

    /// <summary>
    /// Where labels must stay, in diagram coordinates: inside the canvas while the view is fitted, or null (anywhere).
    /// A fit gives labels at most <see cref="MostLabelReach"/> of the canvas beyond the nodes, and those that would
    /// need more find another place inside it or are left out, rather than be cut by its edge.
    /// </summary>
    internal Rect? LabelFrame => _fitPadding is not null && !_measuringLabelReach && !_viewport.Size.IsEmpty
        ? _viewport.VisibleArea
        : null;

    /// <summary>The box around every node, in diagram coordinates, or null for an empty diagram.</summary>
    public Rect? ContentBounds => Rect.Union(Nodes.Select(n => n.Bounds));

    /// <summary>
    /// Records the canvas's size on screen (renderers call it). A view last set by <see cref="ZoomToFit"/> (or one
    /// waiting for the size to fit) is fitted again, so the content keeps filling a canvas that grows or shrinks.
    /// </summary>
    public void SetViewportSize(Size size)
    {
        using (Batch())
        {
            Viewport = _viewport with { Size = size };
            if (!size.IsEmpty && _fitPadding is { } padding)
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

    /// <summary>Pans so the diagram point <paramref name="diagramPoint"/> is in the middle of the canvas (for a minimap).</summary>
    public void CenterOn(Point diagramPoint) =>
        PanBy(new Point(_viewport.Size.Width / 2, _viewport.Size.Height / 2) - _viewport.ToScreen(diagramPoint));

    /// <summary>
    /// A two-finger pinch, as one change: zooms by <paramref name="scale"/> about where the fingers started and pans by
    /// how far their midpoint moved (screen pixels).
    /// </summary>
    public void Pinch(Point startCentre, double scale, Point centreMoved)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        using (Batch())
        {
            ZoomAbout(startCentre, _viewport.Zoom * scale);
            PanBy(centreMoved);
        }
    }

    /// <summary>Multiplies the zoom by <paramref name="factor"/> about the canvas centre (for zoom buttons).</summary>
    public void ZoomBy(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        ZoomAbout(new Point(_viewport.Size.Width / 2, _viewport.Size.Height / 2), _viewport.Zoom * factor);
    }

    /// <summary>
    /// Zooms and pans so every node and its labels are visible and centred, with <paramref name="padding"/> screen
    /// pixels around them, and keeps them so as the canvas is resized until the view is panned or zoomed otherwise.
    /// If the canvas size is not known yet, the fit waits for <see cref="SetViewportSize"/>. An empty diagram resets
    /// to zoom 1 with the origin at the top-left corner.
    /// </summary>
    public void ZoomToFit(double padding = DefaultFitPadding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        _fitPadding = padding;
        if (_viewport.Size.IsEmpty)
        {
            // Nothing moves yet, but what a renderer shows for the waiting fit, and the labels' zoom, change.
            InvalidateLabels();
            MarkChanged(null, ChangeKinds.Viewport);
            return;
        }

        _fitting = true;
        try
        {
            Fit(padding);
        }
        finally
        {
            _fitting = false;
        }
    }

    private void Fit(double padding)
    {
        if (ContentBounds is not { } content)
        {
            Viewport = _viewport with { Pan = Point.Zero, Zoom = Math.Clamp(1, Options.MinZoom, Options.MaxZoom) };
            return;
        }

        // Labels keep their size on screen, so the room they need beyond the nodes is fixed in pixels, not in diagram
        // units: fit the nodes, lay the labels out at that zoom, measure how far past the nodes they reach on screen,
        // and fit the nodes into what that leaves. A smaller zoom can hide labels or move them, so measure again until
        // the zoom holds (far zoomed out, a label reaches further than the nodes it sits beside are wide).
        var maxFit = Math.Max(Options.MinZoom, Math.Min(Options.MaxZoom, Options.MaxFitZoom));
        using (Batch())
        {
            Viewport = _viewport.FittedTo(content, padding, Options.MinZoom, maxFit);
            _labelsDirty = true;
            var fitted = content;
            _measuringLabelReach = true;
            try
            {
                for (var round = 0; round < MaxFitRounds; round++)
                {
                    LayOutLabels();
                    if (Labels.Bounds is not { } labels || Rect.Union([content, labels]) is not { } all || all == content)
                    {
                        break;
                    }

                    fitted = all;
                    var zoom = _viewport.Zoom;
                    var reach = new Reach(content.Left - all.Left, content.Top - all.Top, all.Right - content.Right, all.Bottom - content.Bottom, zoom)
                        .AtMost(_viewport.Size.Width * MostLabelReach, _viewport.Size.Height * MostLabelReach);
                    var fits = Math.Min(zoom, ZoomLeaving(content, reach, padding, maxFit));
                    Viewport = CentredWith(content, reach, fits);
                    if (fits >= zoom)
                    {
                        break;
                    }
                }
            }
            finally
            {
                _measuringLabelReach = false;
            }

            MakeHeadroom(fitted, padding);
            if (LabelFrame is { } frame && Labels.Bounds is { } placed && !frame.Contains(placed))
            {
                InvalidateLabels();
            }
        }
    }

    /// <summary>
    /// The share of the canvas, on each side, that labels reaching past the nodes may take from them in a fit. Without
    /// a limit a few long names at a large design's edges shrank it to under half the canvas (3,600 devices on a
    /// 1024 px screen); past it they are placed inside the canvas or left out (<see cref="LabelFrame"/>).
    /// </summary>
    private const double MostLabelReach = 0.1;

    /// <summary>Enough rounds for labels at a few per cent zoom; each round only lowers the zoom.</summary>
    private const int MaxFitRounds = 4;

    /// <summary>How far labels reach past the nodes on each side, in screen pixels (they keep their size on screen).</summary>
    private readonly record struct Reach(double Left, double Top, double Right, double Bottom)
    {
        /// <summary>From how far they reach in diagram units at <paramref name="zoom"/>.</summary>
        public Reach(double left, double top, double right, double bottom, double zoom)
            : this(left * zoom, top * zoom, right * zoom, bottom * zoom)
        {
        }

        /// <summary>No more than <paramref name="across"/> pixels on the left or right, <paramref name="down"/> above or below.</summary>
        public Reach AtMost(double across, double down) =>
            new(Math.Min(Left, across), Math.Min(Top, down), Math.Min(Right, across), Math.Min(Bottom, down));
    }

    /// <summary>The largest zoom at which <paramref name="content"/> fits with <paramref name="padding"/> and what reaches past it.</summary>
    private double ZoomLeaving(Rect content, Reach reach, double padding, double maxZoom)
    {
        var width = Math.Max(1, _viewport.Size.Width - (2 * padding) - reach.Left - reach.Right);
        var height = Math.Max(1, _viewport.Size.Height - (2 * padding) - reach.Top - reach.Bottom);
        var zoom = Math.Min(content.Width > 0 ? width / content.Width : maxZoom, content.Height > 0 ? height / content.Height : maxZoom);
        return Math.Clamp(zoom, Options.MinZoom, maxZoom);
    }

    /// <summary>The view at <paramref name="zoom"/> that centres the content together with what reaches past it.</summary>
    private Viewport CentredWith(Rect content, Reach reach, double zoom)
    {
        var canvasCentre = new Point(_viewport.Size.Width / 2, _viewport.Size.Height / 2);
        var lopsided = new Point((reach.Right - reach.Left) / 2, (reach.Bottom - reach.Top) / 2);
        return _viewport with { Zoom = zoom, Pan = canvasCentre - (content.Center * zoom) - lopsided };
    }

    /// <summary>Moves fitted content down into the room below it, until <see cref="DiagramOptions.FitHeadroom"/> is free above it.</summary>
    private void MakeHeadroom(Rect fitted, double padding)
    {
        var above = _viewport.ToScreen(fitted.TopLeft).Y;
        var below = _viewport.Size.Height - _viewport.ToScreen(new Point(fitted.Left, fitted.Bottom)).Y - padding;
        var shift = Math.Min(Options.FitHeadroom - above, below);
        if (shift > 0)
        {
            Viewport = _viewport with { Pan = _viewport.Pan + new Point(0, shift) };
        }
    }
}