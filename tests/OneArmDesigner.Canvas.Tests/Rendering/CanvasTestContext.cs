using Bunit;
using Microsoft.JSInterop;
using OneArmDesigner.Canvas.Blazor;
using OneArmDesigner.Canvas.Blazor.Interop;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Rendering;

/// <summary>
/// Shared bUnit set-up: an interactive renderer (as on a live page), loose JS interop, and a handle on the bridge the canvas gives its script, so tests can
/// play the script's part. Under xUnit v2 the context must be disposed asynchronously, hence IAsyncLifetime.
/// </summary>
public abstract class CanvasTestContext : BunitContext, IAsyncLifetime
{
    protected CanvasTestContext()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        JSInterop.Mode = JSRuntimeMode.Loose;
        Script = JSInterop.SetupModule(DiagramCanvas.ScriptPath);
    }

    /// <summary>The canvas's JS module as bUnit sees it: the calls made to it are recorded here.</summary>
    protected BunitJSModuleInterop Script { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>A designer-like diagram: a router and a switch joined by a labelled link, and a lone host.</summary>
    protected static Diagram NetworkDiagram(DiagramOptions? options = null)
    {
        var diagram = new Diagram(options);
        var router = diagram.Nodes.Add(new NodeModel("r1", new Point(0, 0)) { Label = "R1", Kind = "router" });
        var sw = diagram.Nodes.Add(new NodeModel("sw1", new Point(200, 0)) { Label = "SW1", Kind = "switch" });
        diagram.Nodes.Add(new NodeModel("h1", new Point(200, 200)) { Label = "H1", Kind = "host" });
        diagram.Links.Add(new LinkModel("r1-sw1", router, sw)
        {
            SourceLabel = "Gi0/0",
            TargetLabel = "Fa0/1",
            Label = "10.0.0.0/30",
        });
        return diagram;
    }

    protected IRenderedComponent<DiagramCanvas> RenderCanvas(
        Diagram diagram,
        Action<ComponentParameterCollectionBuilder<DiagramCanvas>>? parameters = null) =>
        Render<DiagramCanvas>(p =>
        {
            p.Add(c => c.Diagram, diagram);
            parameters?.Invoke(p);
        });

    /// <summary>The bridge object the canvas handed to its script's <c>attach</c>.</summary>
    protected DiagramCanvasInterop ScriptBridge()
    {
        var attach = Assert.Single(Script.Invocations["attach"]);
        var reference = Assert.IsType<DotNetObjectReference<DiagramCanvasInterop>>(attach.Arguments[1]);
        return reference.Value;
    }
}
