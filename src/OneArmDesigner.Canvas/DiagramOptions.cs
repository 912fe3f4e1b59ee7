using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

/// <summary>
/// Policies and settings of a diagram. Behaviours read them at the moment they act, so changing an option takes
/// effect at once; each change also raises <see cref="Diagram.Changed"/> with <see cref="ChangeKinds.Options"/>.
/// </summary>
public sealed class DiagramOptions
{
    private double _gridSize = 20;
    private bool _snapToGrid = true;
    private double _minZoom = 0.1;
    private double _maxZoom = 4;
    private double _maxFitZoom = double.PositiveInfinity;
    private double _fitHeadroom;
    private bool _readOnly;
    private double _dragThreshold = 3;
    private double _labelPixels = 12;
    private double _labelMinPixels = 11;
    private double _labelMaxPixels = 18;
    private Func<NodeModel, NodeModel, bool> _canConnect = static (source, target) => source != target;

    internal event Action? Changed;

    /// <summary>Grid spacing in diagram units; drawn as the background and used by snapping and arrow-key nudges. Default 20.</summary>
    public double GridSize
    {
        get => _gridSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Set(ref _gridSize, value);
        }
    }

    /// <summary>Whether dragged nodes snap to the grid when dropped, and arrow keys move by one grid step. Default true.</summary>
    public bool SnapToGrid
    {
        get => _snapToGrid;
        set => Set(ref _snapToGrid, value);
    }

    /// <summary>Smallest zoom allowed. Default 0.1.</summary>
    public double MinZoom
    {
        get => _minZoom;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, _maxZoom);
            Set(ref _minZoom, value);
        }
    }

    /// <summary>Largest zoom allowed. Default 4.</summary>
    public double MaxZoom
    {
        get => _maxZoom;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, _minZoom);
            Set(ref _maxZoom, value);
        }
    }

    /// <summary>
    /// Largest zoom <see cref="Diagram.ZoomToFit"/> picks, for apps where fitting one small node should not blow it
    /// up to fill the canvas (1 keeps fitted content at most actual size). Zooming by hand can still go to
    /// <see cref="MaxZoom"/>. Default: no cap beyond <see cref="MaxZoom"/>.
    /// </summary>
    public double MaxFitZoom
    {
        get => _maxFitZoom;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Set(ref _maxFitZoom, value);
        }
    }

    /// <summary>
    /// Screen pixels <see cref="Diagram.ZoomToFit"/> tries to leave free above the content, for what an app draws above
    /// its nodes (a marker resting on a device). The fit takes them from the room below the content and never zooms
    /// out for them, so a fitted view is as large as without. Default 0.
    /// </summary>
    public double FitHeadroom
    {
        get => _fitHeadroom;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Set(ref _fitHeadroom, value);
        }
    }

    /// <summary>
    /// When true, every edit is refused (moving, drawing links, delete, nudge, undo/redo/cut/paste commands), and
    /// the renderer hides link handles. Selecting, panning, zooming and copying still work. Default false.
    /// </summary>
    public bool ReadOnly
    {
        get => _readOnly;
        set => Set(ref _readOnly, value);
    }

    /// <summary>How far, in screen pixels, the pointer must travel before a press becomes a drag rather than a click. Default 3.</summary>
    public double DragThreshold
    {
        get => _dragThreshold;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Set(ref _dragThreshold, value);
        }
    }

    /// <summary>On-screen size of label text, in pixels, at zoom 1. Default 12.</summary>
    public double LabelPixels
    {
        get => _labelPixels;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Set(ref _labelPixels, value);
        }
    }

    /// <summary>
    /// Smallest on-screen size of label text, in pixels, however far the view is zoomed out: a label that has no room
    /// at this size shortens or hides instead of shrinking. Default 11.
    /// </summary>
    public double LabelMinPixels
    {
        get => _labelMinPixels;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, _labelMaxPixels);
            Set(ref _labelMinPixels, value);
        }
    }

    /// <summary>Largest on-screen size of label text, in pixels, however far the view is zoomed in. Default 18.</summary>
    public double LabelMaxPixels
    {
        get => _labelMaxPixels;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, _labelMinPixels);
            Set(ref _labelMaxPixels, value);
        }
    }

    /// <summary>
    /// Whether the user may draw a link from the first node to the second. Consulted before
    /// <see cref="Diagram.LinkRequested"/> is raised. Default: any two different nodes.
    /// </summary>
    public Func<NodeModel, NodeModel, bool> CanConnect
    {
        get => _canConnect;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Set(ref _canConnect, value);
        }
    }

    /// <summary>The point rounded to the nearest grid intersection when <see cref="SnapToGrid"/> is on; otherwise unchanged.</summary>
    public Point Snap(Point point) => _snapToGrid
        ? new Point(Math.Round(point.X / _gridSize) * _gridSize, Math.Round(point.Y / _gridSize) * _gridSize)
        : point;

    private void Set<T>(ref T field, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(field, value))
        {
            field = value;
            Changed?.Invoke();
        }
    }
}
