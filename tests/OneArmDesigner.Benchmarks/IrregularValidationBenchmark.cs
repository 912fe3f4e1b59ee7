using BenchmarkDotNet.Attributes;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// Validation and the reachability matrix of <see cref="IrregularNetwork"/> designs, where every host is on a subnet
/// of its own, so no two hosts are look-alikes and the analysis must share work between pairs by what devices do with
/// their addresses (goals: 2,000 subnets under 500 ms and 300 MB; 10,000 under 5 s and 1.5 GB).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IrregularValidationBenchmark
{
    private Design _design = null!;
    private CompiledNetwork _network = null!;

    [Params(200, 800, 2_000)]
    public int Subnets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _design = IrregularNetwork.Generate(Subnets);
        _network = NetworkCompiler.Compile(_design);
    }

    [Benchmark]
    public ValidationReport ValidateWithMatrix() => DesignAnalyzer.Validate(_design);

    [Benchmark]
    public ReachabilityMatrix MatrixOnCompiledNetwork() => ReachabilityMatrix.Compute(_network);
}
