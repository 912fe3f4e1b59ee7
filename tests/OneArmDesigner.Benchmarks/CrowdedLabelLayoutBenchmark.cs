using BenchmarkDotNet.Attributes;
using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// The label layout of a diagram whose devices all sit at one spot, each cabled to one VLAN, as a design created
/// through the API without positions arrives: the case a per-cell scan made quadratic.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CrowdedLabelLayoutBenchmark
{
    private Diagram _diagram = null!;
    private bool _in;

    [Params(1_000, 5_000)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _diagram = new Diagram();
        _diagram.SetViewportSize(new Size(1600, 1000));
        var lan = _diagram.Nodes.Add(new NodeModel("LAN", new Point(0, 0)) { Label = "LAN · VLAN 10" });
        for (var i = 0; i < Devices; i++)
        {
            var pc = _diagram.Nodes.Add(new NodeModel($"PC{i}", new Point(0, 0)) { Label = $"PC{i}" });
            _diagram.Links.Add(new LinkModel($"l{i}", pc, lan) { SourceLabel = $"eth0 10.0.{i / 250}.{(i % 250) + 2}/8", SourceShortLabel = "eth0" });
        }
    }

    /// <summary>One zoom step and the layout that follows it.</summary>
    [Benchmark]
    public double ZoomStep()
    {
        _in = !_in;
        _diagram.ZoomAbout(new Point(800, 500), _in ? 1.25 : 1);
        return _diagram.Labels.FontSize;
    }
}
