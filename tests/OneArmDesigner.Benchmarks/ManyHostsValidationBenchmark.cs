using BenchmarkDotNet.Attributes;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// Validation of a LAN of thousands of look-alike PCs: one endpoint class, so the cost is finding the class and
/// filling every member's row. 50,000 PCs are more host pairs than a matrix holds: the analysis says so at once.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ManyHostsValidationBenchmark
{
    private Design _design = null!;

    [Params(5_000, 20_000, 50_000)]
    public int Pcs { get; set; }

    [GlobalSetup]
    public void Setup() => _design = FlatLan.Generate(Pcs);

    [Benchmark]
    public ValidationReport Validate() => DesignAnalyzer.Validate(_design);
}
