using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Blazor.Interop;
using OneArmDesigner.Canvas.Blazor.Internal;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Blazor;

/// <summary>
/// Draws a <see cref="Canvas.Diagram"/> as SVG and feeds the user's input back into it. Pointer gestures are
/// previewed in the browser by <c>diagramCanvas.js</c> (imported automatically) and committed on release; keys go
/// to the diagram through Blazor. Include the stylesheet at <see cref="StylesheetPath"/> once in the page head.
/// The canvas fills its container: give the container a size.
/// </summary>
public partial class DiagramCanvas : IAsyncDisposable
{
    /// <summary>Path of the JS module, relative to the app's base address.</summary>
    public const string ScriptPath = "./_content/OneArmDesigner.Canvas.Blazor/diagramCanvas.js";

    /// <summary>Path of the stylesheet, relative to the app's base address; link it in the page head.</summary>
    public const string StylesheetPath = "_content/OneArmDesigner.Canvas.Blazor/diagramCanvas.css";

    /// <summary>Redraw the canvas itself only for these; element changes redraw just the element.</summary>
    private const ChangeKinds CanvasKinds =
        ChangeKinds.Structure | ChangeKinds.Viewport | ChangeKinds.Options | ChangeKinds.Behaviors;

    private readonly string _gridId = $"oad-grid-{Guid.NewGuid():N}";
    private ElementReference _svg;
    private Diagram? _subscribed;
    private DiagramCanvasInterop? _interop;
    private DotNetObjectReference<DiagramCanvasInterop>? _interopRef;
    private IJSObjectReference? _module;
    private IJSObjectReference? _script;
    private bool _disposed;

    /// <summary>The diagram to draw and drive.</summary>
    [Parameter, EditorRequired]
    public Diagram Diagram { get; set; } = default!;

    /// <summary>
    /// Draws a node's glyph in node-local coordinates, from (0,0) to the node's size, for example
    /// <c>&lt;image href="icons/router.svg" width="48" height="48" /&gt;</c> chosen by <see cref="NodeModel.Kind"/>.
    /// A rounded box when null. The label, badges, selection outline and port handles are drawn around it.
    /// </summary>
    [Parameter]
    public RenderFragment<NodeModel>? NodeTemplate { get; set; }

    /// <summary>
    /// Content drawn in diagram coordinates above the links and below the nodes (for example animated packets).
    /// It does not take pointer events. Put animated content in its own component so only it re-renders.
    /// </summary>
    [Parameter]
    public RenderFragment? Overlay { get; set; }

    /// <summary>
    /// Content drawn in diagram coordinates above the nodes and their labels (for example the packet in flight, which
    /// must not pass under a label). It does not take pointer events.
    /// </summary>
    [Parameter]
    public RenderFragment? TopOverlay { get; set; }

    /// <summary>
    /// When to show the overview of the whole diagram in the bottom-left corner: by default once the diagram has
    /// <see cref="MinimapThreshold"/> nodes (a large design), or always, or never.
    /// </summary>
    [Parameter]
    public MinimapMode Minimap { get; set; }

    /// <summary>How many nodes make a diagram large enough for the minimap when <see cref="Minimap"/> is automatic. Default 40.</summary>
    [Parameter]
    public int MinimapThreshold { get; set; } = 40;

    /// <summary>
    /// Below this zoom nodes and links are drawn compact: a node without its hit box (and without its outline unless
    /// selected or flagged), a link as its line alone, without its title and wide hit line. Zoomed this far out a
    /// 48-unit node is under 15 pixels on screen, and a design of thousands of nodes is drawn whole, so every element
    /// left out per node is thousands fewer for the browser. Default 0.3; 0 never draws compact.
    /// </summary>
    [Parameter]
    public double CompactBelowZoom { get; set; } = 0.3;

    /// <summary>Whether to draw the background grid. Default true.</summary>
    [Parameter]
    public bool ShowGrid { get; set; } = true;

    /// <summary>Extra CSS classes on the &lt;svg&gt;.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Accessible name of the canvas. Default "Diagram".</summary>
    [Parameter]
    public string AriaLabel { get; set; } = "Diagram";

    /// <summary>Any other attributes, put on the &lt;svg&gt; (for example <c>data-testid</c>).</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private Viewport Viewport => Diagram.Viewport;

    private string CanvasClass => new CssBuilder("oad-canvas")
        .Add("oad-readonly", Diagram.Options.ReadOnly)
        .AddRaw(Class)
        .Build();

    /// <summary>
    /// The zoom the labels were laid out for (the view's, unrounded: labels are sized against it and must come out at
    /// the pixel size the layout assumed; before the canvas knows its size, the zoom its waiting fit is expected to
    /// have) and the label sizes the label layout used, for the stylesheet's label rule.
    /// </summary>
    private string CanvasStyle => string.Create(CultureInfo.InvariantCulture,
        $"--oad-zoom: {Diagram.Labels.Zoom:R}; --oad-label-size: {Diagram.Options.LabelPixels}px; --oad-label-min: {Diagram.Options.LabelMinPixels}px; --oad-label-max: {Diagram.Options.LabelMaxPixels}px");

    /// <summary>
    /// Before the canvas knows its size (rendered on the server, before the page is live) a fitted view is drawn by the
    /// browser scaling the content's box, so the first picture already shows everything instead of a corner at 100 %.
    /// </summary>
    private string? PendingFitViewBox => Diagram.PendingFitBounds is { } box
        ? $"{Svg.Num(box.Left)} {Svg.Num(box.Top)} {Svg.Num(box.Width)} {Svg.Num(box.Height)}"
        : null;

    private bool ShowMinimap => !Viewport.Size.IsEmpty && Minimap switch
    {
        MinimapMode.Always => Diagram.Nodes.Count > 0,
        MinimapMode.Never => false,
        _ => Diagram.Nodes.Count >= MinimapThreshold,
    };

    /// <summary>Judged at the labels' zoom, which before the canvas knows its size is the zoom its waiting fit expects.</summary>
    private bool Compact => Diagram.Labels.Zoom < CompactBelowZoom;

    /// <summary>A compact diagram rendered before the page is live is drawn as a sketch (see the markup).</summary>
    private bool Sketch => Compact && !RendererInfo.IsInteractive;

    private IEnumerable<LinkModel> DrawnLinks => Sketch ? [] : DrawnArea is { } area
        ? Diagram.Links.Where(l => Rect.FromPoints(l.Geometry.Start, l.Geometry.End).Intersects(area))
        : Diagram.Links;

    private IEnumerable<NodeModel> DrawnNodes => Sketch ? [] : DrawnArea is { } area
        ? Diagram.Nodes.InDrawingOrder().Where(n => n.Bounds.Intersects(area))
        : Diagram.Nodes.InDrawingOrder();

    /// <summary>
    /// Where nodes and links are drawn, in diagram units: the visible area and half its size again on every side (so
    /// a pan previewed in the browser, or a label beside a node just off screen, shows what is there), or null for
    /// everywhere. Zoomed in on a large diagram, the page then holds the few hundred elements near the view instead of
    /// every one of thousands, which every frame of a drag would otherwise pay for; the view is redrawn on every pan
    /// and zoom anyway. Before the size is known everything is drawn.
    /// </summary>
    private Rect? DrawnArea => Viewport.Size.IsEmpty
        ? null
        : Viewport.VisibleArea.Inflate(Math.Max(Viewport.VisibleArea.Width, Viewport.VisibleArea.Height) / 2);

    /// <summary>Link handles show only when links can be drawn.</summary>
    private bool ShowPorts => !Diagram.Options.ReadOnly && Diagram.Behaviors.Contains<LinkDrawBehavior>();

    /// <summary>Grid cell on screen; coarsened by fives when zoomed out so lines never crowd closer than 8 px.</summary>
    private double GridCell
    {
        get
        {
            var cell = Diagram.Options.GridSize * Viewport.Zoom;
            while (cell < 8)
            {
                cell *= 5;
            }

            return cell;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Unsubscribe();
        try
        {
            if (_script is not null)
            {
                await _script.InvokeVoidAsync("dispose");
                await _script.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser side with it.
        }

        _interopRef?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Diagram);
        if (!ReferenceEquals(_subscribed, Diagram))
        {
            Unsubscribe();
            _subscribed = Diagram;
            Diagram.Changed += OnDiagramChanged;
        }

        if (_interop is null)
        {
            _interop = new DiagramCanvasInterop(Diagram);
        }
        else
        {
            _interop.Diagram = Diagram;
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _interopRef = DotNetObjectReference.Create(_interop!);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", ScriptPath);
        if (_module is not null && !_disposed)
        {
            _script = await _module.InvokeAsync<IJSObjectReference>("attach", _svg, _interopRef);
        }
    }

    private void OnKeyDown(KeyboardEventArgs e) => Diagram.OnKeyDown(e.Key, Modifiers(e));

    private static KeyModifiers Modifiers(KeyboardEventArgs e) =>
        (e.ShiftKey ? KeyModifiers.Shift : KeyModifiers.None)
        | (e.CtrlKey ? KeyModifiers.Control : KeyModifiers.None)
        | (e.AltKey ? KeyModifiers.Alt : KeyModifiers.None)
        | (e.MetaKey ? KeyModifiers.Meta : KeyModifiers.None);

    private void OnDiagramChanged(object? sender, DiagramChangedEventArgs e)
    {
        if (e.Includes(CanvasKinds))
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.Changed -= OnDiagramChanged;
            _subscribed = null;
        }
    }
}
