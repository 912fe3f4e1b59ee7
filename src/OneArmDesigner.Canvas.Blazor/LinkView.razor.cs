using Microsoft.AspNetCore.Components;
using OneArmDesigner.Canvas.Blazor.Internal;
using OneArmDesigner.Canvas.Labels;

namespace OneArmDesigner.Canvas.Blazor;

/// <summary>
/// Renders one <see cref="LinkModel"/>. It redraws only when the link raises <see cref="SelectableElement.Changed"/>,
/// which the core also does when either end node moves or resizes.
/// CSS classes: <c>oad-link</c>, <c>oad-link-dashed</c> or <c>oad-link-dotted</c>, the state classes
/// (<c>oad-selected</c>, <c>oad-highlighted</c>, <c>oad-error</c>, <c>oad-warning</c>, <c>oad-dimmed</c>)
/// and the link's <see cref="SelectableElement.CssClass"/>.
/// </summary>
public partial class LinkView : IDisposable
{
    private LinkModel? _subscribed;
    private int _version;
    private int _renderedVersion = -1;
    private bool _renderedCompact;

    /// <summary>The link to draw.</summary>
    [Parameter, EditorRequired]
    public LinkModel Link { get; set; } = default!;

    /// <summary>Whether to draw only the line, as when the diagram is zoomed far out (see <see cref="DiagramCanvas.CompactBelowZoom"/>).</summary>
    [Parameter]
    public bool Compact { get; set; }

    private string Classes => new CssBuilder("oad-link")
        .Add("oad-link-dashed", Link.Style == LinkStyle.Dashed)
        .Add("oad-link-dotted", Link.Style == LinkStyle.Dotted)
        .AddStates(Link)
        .Build();

    private string AccessibleTitle =>
        Link.Title ?? $"Link {Link.Source.Label ?? Link.Source.Id} – {Link.Target.Label ?? Link.Target.Id}";

    /// <inheritdoc />
    public void Dispose()
    {
        Unsubscribe();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Link);
        if (!ReferenceEquals(_subscribed, Link))
        {
            Unsubscribe();
            _subscribed = Link;
            Link.Changed += OnLinkChanged;
            _version++;
        }

        if (Compact != _renderedCompact)
        {
            _version++;
        }
    }

    /// <inheritdoc />
    protected override bool ShouldRender() => _version != _renderedVersion;

    private IEnumerable<(LabelRole Role, PlacedLabel Label)> PlacedLabels()
    {
        foreach (var role in new[] { LabelRole.Source, LabelRole.Middle, LabelRole.Target })
        {
            if (Link.Diagram?.Labels.For(Link, role) is { } placed)
            {
                yield return (role, placed);
            }
        }
    }

    private static string? PortName(PortSide? side) => side is { } s ? Svg.PortName(s) : null;

    private void MarkRendered()
    {
        _renderedVersion = _version;
        _renderedCompact = Compact;
    }

    private void OnLinkChanged(object? sender, EventArgs e)
    {
        _version++;
        _ = InvokeAsync(StateHasChanged);
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.Changed -= OnLinkChanged;
            _subscribed = null;
        }
    }
}
