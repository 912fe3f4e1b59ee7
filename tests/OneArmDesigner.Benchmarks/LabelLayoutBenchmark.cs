using BenchmarkDotNet.Attributes;
using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Geometry;
using OneArmDesigner.Domain.Templates;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// Laying out every label of the generated hub-and-spoke design again, as the canvas does after each zoom step (a
/// wheel notch, a pinch) and after a move: device names, and the interface and address at each end of every cable.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LabelLayoutBenchmark
{
    private Diagram _diagram = null!;
    private bool _in;

    [Params(165, 1_000)]
    public int Sites { get; set; }

    /// <summary>The zoom the layout runs at: zoomed to fit (most labels hide), or close up on part of the design.</summary>
    [Params(0.1, 1.0)]
    public double Zoom { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var design = HubAndSpoke.Generate(Sites);
        _diagram = new Diagram();
        _diagram.SetViewportSize(new Size(1600, 1000));
        foreach (var device in design.Devices)
        {
            _diagram.Nodes.Add(new NodeModel(device.Name, new Point(device.Position.X, device.Position.Y)) { Label = device.Name });
        }

        for (var i = 0; i < design.Links.Count; i++)
        {
            var link = design.Links[i];
            string? End(OneArmDesigner.Domain.Model.LinkEnd end) => end.Interface is null
                ? null
                : $"{end.Interface} {design.FindDevice(end.Device)?.FindInterface(end.Interface)?.Address}";
            _diagram.Links.Add(new LinkModel($"l{i}", _diagram.Nodes[link.A.Device], _diagram.Nodes[link.B.Device])
            {
                SourceLabel = End(link.A),
                SourceShortLabel = link.A.Interface,
                TargetLabel = End(link.B),
                TargetShortLabel = link.B.Interface,
            });
        }
    }

    /// <summary>One zoom step in or out about the canvas's middle, and the layout that follows it.</summary>
    [Benchmark]
    public double ZoomStep()
    {
        _in = !_in;
        _diagram.ZoomAbout(new Point(800, 500), Zoom * (_in ? 1.25 : 1));
        return _diagram.Labels.FontSize;
    }
}
