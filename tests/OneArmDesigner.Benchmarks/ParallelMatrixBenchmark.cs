using BenchmarkDotNet.Attributes;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// The matrix of an irregular design with its rounds of sources on one thread and on several (as the app runs an
/// analysis alone on an idle server, and the CLI always): the time is wall-clock time, the result the same.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParallelMatrixBenchmark
{
    private CompiledNetwork _network = null!;

    [Params(2000)]
    public int Subnets { get; set; }

    [Params(1, 2, 4)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _network = NetworkCompiler.Compile(IrregularNetwork.Generate(Subnets));

    [Benchmark]
    public ReachabilityMatrix IrregularMatrix() => ReachabilityMatrix.Compute(_network, new AnalysisLimits { Threads = Threads });
}
