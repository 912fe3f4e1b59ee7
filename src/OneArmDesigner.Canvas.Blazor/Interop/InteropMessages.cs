namespace OneArmDesigner.Canvas.Blazor.Interop;

// Messages between diagramCanvas.js and DiagramCanvasInterop. They are serialised as camelCase JSON.

/// <summary>What the pointer hit, as the JS module finds it from <c>data-*</c> attributes.</summary>
/// <param name="Kind">"node", "port" or "link".</param>
/// <param name="Id">The node's id (for a port, its node's id) or the link's id.</param>
/// <param name="Port">For a port: the lower-case side ("top", "right", "bottom", "left").</param>
public sealed record HitTarget(string Kind, string Id, string? Port = null);

/// <summary>The viewport as the JS module needs it to convert screen points to diagram points.</summary>
public sealed record ViewportState(double X, double Y, double Zoom);

/// <summary>A node's position after a gesture, for the JS module to settle its preview on.</summary>
public sealed record NodePosition(string Id, double X, double Y);

/// <summary>
/// The answer to a press: what the JS module should preview until release.
/// <see cref="Kind"/> is "move" (with <see cref="Nodes"/>), "pan", "band", "link" (with <see cref="Source"/> and
/// possibly <see cref="Port"/>) or "none".
/// </summary>
public sealed record GesturePreview(
    string Kind,
    ViewportState Viewport,
    double Threshold,
    IReadOnlyList<string>? Nodes = null,
    string? Source = null,
    string? Port = null);

/// <summary>
/// The answer to a release: the authoritative viewport and the final positions of the nodes the preview moved
/// (snapped, or back where they were if the move was refused). The JS module writes these over its preview,
/// so the DOM is right whether or not Blazor's own render of the change arrives first.
/// </summary>
public sealed record GestureResult(ViewportState Viewport, IReadOnlyList<NodePosition> Nodes);
