using BenchmarkDotNet.Attributes;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Benchmarks;

/// <summary>
/// A 1,000-site AutoVPN hub-and-spoke network (goals: compile the forwarding state in under 200 ms; trace 10,000
/// branch-to-data-centre handshakes in under 100 ms).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HubAndSpokeBenchmark
{
    private const int Handshakes = 10_000;
    private Design _design = null!;
    private CompiledNetwork _network = null!;
    private Flow[] _flows = null!;

    [Params(1_000)]
    public int Sites { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _design = HubAndSpoke.Generate(Sites);
        _network = NetworkCompiler.Compile(_design);
        _flows = [.. Enumerable.Range(0, Sites).Select(site => new Flow(HubAndSpoke.BranchHost(site), HubAndSpoke.Server, DestinationPort: HubAndSpoke.ServerPort))];
    }

    [Benchmark]
    public CompiledNetwork CompileForwardingState() => NetworkCompiler.Compile(_design);

    [Benchmark(OperationsPerInvoke = 1)]
    public int Trace10000BranchToDataCentreHandshakes()
    {
        var completed = 0;
        for (var i = 0; i < Handshakes; i++)
        {
            if (Simulator.Run(_network, _flows[i % _flows.Length]).Completed)
            {
                completed++;
            }
        }

        return completed;
    }
}
