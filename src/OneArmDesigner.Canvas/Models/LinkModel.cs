using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

/// <summary>
/// A straight line between two nodes, with optional labels at each end and in the middle. Each end anchors on the
/// node's box boundary, facing the other end, unless a <see cref="SourcePort"/> or <see cref="TargetPort"/> pins it
/// to a side. The endpoints cannot change: to reconnect, remove the link and add a new one.
/// </summary>
public sealed class LinkModel : SelectableElement
{
    private PortSide? _sourcePort;
    private PortSide? _targetPort;
    private string? _label;
    private string? _sourceLabel;
    private string? _targetLabel;
    private string? _sourceShortLabel;
    private string? _targetShortLabel;
    private LinkStyle _style;

    /// <summary>Creates a link; add it to <see cref="Diagram.Links"/> after both nodes are in the diagram.</summary>
    /// <param name="id">The app's identifier, unique among the diagram's links.</param>
    /// <param name="source">The node the link starts at.</param>
    /// <param name="target">The node the link ends at.</param>
    public LinkModel(string id, NodeModel source, NodeModel target)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        Source = source;
        Target = target;
    }

    public NodeModel Source { get; }

    public NodeModel Target { get; }

    /// <summary>Pins the source end to a side port; null (the default) anchors on the boundary facing the target.</summary>
    public PortSide? SourcePort
    {
        get => _sourcePort;
        set => SetLabel(ref _sourcePort, value);
    }

    /// <summary>Pins the target end to a side port; null (the default) anchors on the boundary facing the source.</summary>
    public PortSide? TargetPort
    {
        get => _targetPort;
        set => SetLabel(ref _targetPort, value);
    }

    /// <summary>Text at the middle of the link (for example a subnet).</summary>
    public string? Label
    {
        get => _label;
        set => SetLabel(ref _label, value);
    }

    /// <summary>Text near the source end (for example the source's interface name).</summary>
    public string? SourceLabel
    {
        get => _sourceLabel;
        set => SetLabel(ref _sourceLabel, value);
    }

    /// <summary>Text near the target end (for example the target's interface name).</summary>
    public string? TargetLabel
    {
        get => _targetLabel;
        set => SetLabel(ref _targetLabel, value);
    }

    /// <summary>What <see cref="SourceLabel"/> shortens to where the whole of it has no room (for example the
    /// interface name without its address), or null to hide it there instead.</summary>
    public string? SourceShortLabel
    {
        get => _sourceShortLabel;
        set => SetLabel(ref _sourceShortLabel, value);
    }

    /// <summary>What <see cref="TargetLabel"/> shortens to where the whole of it has no room, or null to hide it there.</summary>
    public string? TargetShortLabel
    {
        get => _targetShortLabel;
        set => SetLabel(ref _targetShortLabel, value);
    }

    /// <summary>How the line is stroked.</summary>
    public LinkStyle Style
    {
        get => _style;
        set => Set(ref _style, value);
    }

    /// <summary>Where the line starts and ends and where its labels go, computed from the nodes' current boxes.</summary>
    public LinkGeometry Geometry => LinkGeometry.Compute(this);

    /// <summary>The node at the other end from <paramref name="end"/>.</summary>
    public NodeModel OtherEnd(NodeModel end) =>
        end == Source ? Target : end == Target ? Source : throw new ArgumentException("The node is not an end of this link.", nameof(end));

    internal void MarkEndpointsMoved() => NotifyChanged(ChangeKinds.Elements);
}
