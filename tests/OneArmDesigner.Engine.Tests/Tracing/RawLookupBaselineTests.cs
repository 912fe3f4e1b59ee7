using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Tracing;

/// <summary>
/// The benchmark's yardstick walks exactly the hops the engine's trace crossed, so the engine / baseline ratio in
/// docs/performance.md cannot drift from the handshake it is compared with.
/// </summary>
public sealed class RawLookupBaselineTests
{
    private static readonly Flow Rdp = new("LaptopA", "LaptopB", DestinationPort: 3389);

    [Theory]
    [InlineData(SeedTemplates.TransitVlanName)]
    [InlineData(SeedTemplates.AsymmetricName)]
    public void The_baseline_walks_the_trace_s_hops_device_for_device(string template)
    {
        var network = NetworkCompiler.Compile(template == SeedTemplates.TransitVlanName ? SeedTemplates.TransitVlan() : SeedTemplates.Asymmetric());
        var exchange = Simulator.Run(network, Rdp);
        var traced = exchange.Packets.SelectMany(p => p.Hops).Select(h => h.Device).ToList();

        var baseline = new RawLookupBaseline(network, exchange);

        Assert.Equal(traced, baseline.Devices);
        Assert.Equal(traced.Count, baseline.Walk());
    }

    [Fact]
    public void Every_hop_finds_its_session_and_every_device_but_the_Internet_its_route()
    {
        var network = NetworkCompiler.Compile(SeedTemplates.TransitVlan());
        var baseline = new RawLookupBaseline(network, Simulator.Run(network, Rdp));
        var routers = baseline.Devices.Count(d => network.Get(d).Kind != DeviceKind.Internet);

        var hops = baseline.Walk();

        Assert.Equal(hops + routers, baseline.Found);
    }
}
