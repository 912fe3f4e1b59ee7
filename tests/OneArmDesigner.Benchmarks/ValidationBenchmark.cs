using BenchmarkDotNet.Attributes;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// Full validation (structural checks, the reachability matrix of every host pair, findings) and the matrix alone, on
/// generated hub-and-spoke designs (look-alike branches; goal at 1,000 sites: under 50 ms) and irregular designs
/// (every host on a subnet of its own; goals: 2,000 subnets under 500 ms and 300 MB, 10,000 under 5 s and 1.5 GB).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ValidationBenchmark
{
    private Design _design = null!;
    private CompiledNetwork _network = null!;

    /// <summary>A generator and its size: "hub-and-spoke N" (sites) or "irregular N" (host subnets).</summary>
    [Params("hub-and-spoke 100", "hub-and-spoke 1000", "hub-and-spoke 5000", "irregular 200", "irregular 800", "irregular 2000")]
    public string Design { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (generator, size) = (Design.Split(' ')[0], int.Parse(Design.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        _design = generator == "irregular" ? IrregularNetwork.Generate(size) : HubAndSpoke.Generate(size);
        _network = NetworkCompiler.Compile(_design);
    }

    [Benchmark]
    public ValidationReport ValidateWithMatrix() => DesignAnalyzer.Validate(_design);

    [Benchmark]
    public ReachabilityMatrix MatrixOnCompiledNetwork() => ReachabilityMatrix.Compute(_network);
}
