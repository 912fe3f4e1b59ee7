using BenchmarkDotNet.Attributes;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// Full validation (structural checks, the reachability matrix of every host pair, findings) of the generated
/// hub-and-spoke design, and the matrix alone (goal at 1,000 sites: validation under 2 s and 500 MB on one core).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ValidationBenchmark
{
    private Design _design = null!;
    private CompiledNetwork _network = null!;

    [Params(100, 1_000, 5_000)]
    public int Sites { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _design = HubAndSpoke.Generate(Sites);
        _network = NetworkCompiler.Compile(_design);
    }

    [Benchmark]
    public ValidationReport ValidateWithMatrix() => DesignAnalyzer.Validate(_design);

    [Benchmark]
    public ReachabilityMatrix MatrixOnCompiledNetwork() => ReachabilityMatrix.Compute(_network);
}
