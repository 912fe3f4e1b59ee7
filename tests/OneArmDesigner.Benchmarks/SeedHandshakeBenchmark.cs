using BenchmarkDotNet.Attributes;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Benchmarks;

/// <summary>One three-packet handshake of the guide's fixed design, on a network compiled once (goal: under 10 µs, under 8 KB).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SeedHandshakeBenchmark
{
    private static readonly Flow Rdp = new("LaptopA", "LaptopB", DestinationPort: 3389);
    private CompiledNetwork _fixed = null!;
    private CompiledNetwork _broken = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixed = NetworkCompiler.Compile(SeedTemplates.TransitVlan());
        _broken = NetworkCompiler.Compile(SeedTemplates.Asymmetric());
    }

    [Benchmark(Baseline = true)]
    public ExchangeResult FixedDesignHandshake() => Simulator.Run(_fixed, Rdp);

    [Benchmark]
    public ExchangeResult BrokenDesignHandshake() => Simulator.Run(_broken, Rdp);
}
