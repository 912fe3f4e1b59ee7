using Microsoft.AspNetCore.Components;
using OneArmDesigner.Canvas.Blazor.Internal;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Blazor;

/// <summary>
/// Renders one <see cref="NodeModel"/>. It redraws only when its node raises <see cref="SelectableElement.Changed"/>
/// or its own parameters change; <see cref="DiagramCanvas"/> uses it, and apps rarely need it directly.
/// CSS classes: <c>oad-node</c> plus <c>oad-selected</c>, <c>oad-highlighted</c>, <c>oad-error</c>, <c>oad-warning</c>,
/// <c>oad-dimmed</c> and the node's <see cref="SelectableElement.CssClass"/>.
/// </summary>
public partial class NodeView : IDisposable
{
    private const double BadgeHeight = 17;

    /// <summary>
    /// Compact, a badge is a dot of its kind's colour without its text: zoomed that far out a node is a few pixels
    /// and thousands of pills with numbers would cover the diagram and each other; the dots still show where the
    /// flags are, and the title still says what each is.
    /// </summary>
    private const double BadgeDotRadius = 4;

    private NodeModel? _subscribed;
    private bool _renderedShowPorts;
    private bool _renderedCompact;
    private int _version;
    private int _renderedVersion = -1;

    /// <summary>The node to draw.</summary>
    [Parameter, EditorRequired]
    public NodeModel Node { get; set; } = default!;

    /// <summary>Draws the glyph in node-local coordinates (0,0 to the node's size); a rounded box when null.
    /// It is re-run when the node changes, not when the template instance changes.</summary>
    [Parameter]
    public RenderFragment<NodeModel>? Template { get; set; }

    /// <summary>Whether to draw the port handles links are drawn from.</summary>
    [Parameter]
    public bool ShowPorts { get; set; }

    /// <summary>Whether to draw only what shows when the node is a few pixels on screen (see <see cref="DiagramCanvas.CompactBelowZoom"/>).</summary>
    [Parameter]
    public bool Compact { get; set; }

    private double Width => Node.Size.Width;

    private double Height => Node.Size.Height;

    private string Classes => new CssBuilder("oad-node").AddStates(Node).Build();

    private string AccessibleTitle =>
        Node.Title ?? (Node.Label is { Length: > 0 } label ? $"{label} ({Node.Kind})" : $"{Node.Id} ({Node.Kind})");

    /// <inheritdoc />
    public void Dispose()
    {
        Unsubscribe();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Node);
        if (!ReferenceEquals(_subscribed, Node))
        {
            Unsubscribe();
            _subscribed = Node;
            Node.Changed += OnNodeChanged;
            _version++;
        }

        if (ShowPorts != _renderedShowPorts || Compact != _renderedCompact)
        {
            _version++;
        }
    }

    /// <inheritdoc />
    protected override bool ShouldRender() => _version != _renderedVersion;

    private void MarkRendered()
    {
        _renderedVersion = _version;
        _renderedShowPorts = ShowPorts;
        _renderedCompact = Compact;
    }

    private void OnNodeChanged(object? sender, EventArgs e)
    {
        _version++;
        _ = InvokeAsync(StateHasChanged);
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.Changed -= OnNodeChanged;
            _subscribed = null;
        }
    }

    /// <summary>
    /// Badges as pills, right-aligned so the first one straddles the node's top-right corner; relative to that corner,
    /// because the stylesheet scales them about it to keep their text readable when zoomed out.
    /// </summary>
    private IEnumerable<PlacedBadge> LayoutBadges()
    {
        var right = BadgeHeight / 2;
        foreach (var badge in Node.Badges)
        {
            var width = Compact ? 2 * BadgeDotRadius : Math.Max(BadgeHeight, 8 + (7 * badge.Text.Length));
            right -= width;
            var classes = new CssBuilder("oad-badge").Add($"oad-badge-{badge.Kind}", !string.IsNullOrWhiteSpace(badge.Kind)).Build();
            yield return new PlacedBadge(badge, new Point(right, -BadgeHeight / 2), width, classes);
            right -= 2;
        }
    }

    private sealed record PlacedBadge(NodeBadge Badge, Point TopLeft, double Width, string Classes);
}
