using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Tracing;

/// <summary>
/// Steps are written on first read, after the whole exchange has run: what they say must still be what was true when
/// the step happened, and a trace read twice (or from two threads) must be the same trace.
/// </summary>
public sealed class LazyTraceTests
{
    private static readonly Flow Rdp = new("LaptopA", "LaptopB", DestinationPort: 3389);

    [Fact]
    public void A_session_step_tells_the_state_as_it_stood_then_not_as_the_exchange_left_it()
    {
        var result = Simulator.Run(SeedTemplates.TransitVlan(), Rdp);

        var synAck = result.Packet("SYN-ACK").StepAt("ASA", StepAction.SessionMatch);
        Assert.Equal("ASA finds this flow in its connection table (the return direction); the session is SYN-ACK seen.", synAck.Detail);
        Assert.Equal("SYN-ACK seen", synAck.SessionEvents![0].Session.State);
        var ack = result.Packet("ACK").StepAt("ASA", StepAction.SessionMatch, occurrence: 1);
        Assert.Equal("established", ack.SessionEvents![0].Session.State);
    }

    [Fact]
    public void Hops_steps_and_sentences_are_built_once()
    {
        var syn = Simulator.Run(SeedTemplates.TransitVlan(), Rdp).Packet("SYN");

        Assert.Same(syn.Hops, syn.Hops);
        var step = syn.Hops[1].Steps[0];
        Assert.Same(step.Detail, step.Detail);
        Assert.Same(step.Evidence, step.Evidence);
    }

    [Fact]
    public void Threads_reading_a_shared_trace_see_the_same_hops()
    {
        var syn = Simulator.Run(SeedTemplates.TransitVlan(), Rdp).Packet("SYN");

        var seen = new IReadOnlyList<Hop>[8];
        Parallel.For(0, seen.Length, i => seen[i] = syn.Hops);

        Assert.All(seen, hops => Assert.Same(seen[0], hops));
    }

    [Fact]
    public void Link_crossings_are_shared_between_exchanges_on_one_compiled_network()
    {
        var network = Compilation.NetworkCompiler.Compile(SeedTemplates.TransitVlan());

        var first = Simulator.Run(network, Rdp).Packet("SYN").StepAt("LaptopA", StepAction.Forward).Crossing;
        var second = Simulator.Run(network, Rdp).Packet("SYN").StepAt("LaptopA", StepAction.Forward).Crossing;

        Assert.NotNull(first);
        Assert.Same(first, second);
    }
}
