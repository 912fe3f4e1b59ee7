using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// The matrix of a 10,000-subnet irregular design (goal: under 5 s and 1.5 GB), measured once: at a minute a run, the
/// iterations <see cref="ValidationBenchmark"/> repeats would take most of an hour.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class LargeValidationBenchmark
{
    private CompiledNetwork _network = null!;

    [Params(10_000)]
    public int Subnets { get; set; }

    [GlobalSetup]
    public void Setup() => _network = NetworkCompiler.Compile(IrregularNetwork.Generate(Subnets));

    [Benchmark]
    public ReachabilityMatrix IrregularMatrixOnce() => ReachabilityMatrix.Compute(_network);
}
