using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

public sealed class HubAndSpokeTests
{
    [Fact]
    public void Every_branch_host_completes_a_handshake_with_the_data_centre_server_through_the_one_armed_concentrator()
    {
        var network = NetworkCompiler.Compile(HubAndSpoke.Generate(30));

        foreach (var site in new[] { 0, 7, 29 })
        {
            var result = Simulator.Run(network, new Flow(HubAndSpoke.BranchHost(site), HubAndSpoke.Server, DestinationPort: HubAndSpoke.ServerPort));

            Assert.Equal(Verdict.Completed, result.Verdict);
            Assert.Contains("DC-MX", result.Packet("SYN").Devices());
            Assert.Contains(result.Packet("SYN-ACK").Steps, s => s.Device == "DC-MX" && s.Action == StepAction.Encapsulate);
        }
    }

    [Fact]
    public void The_generated_design_is_well_formed_and_round_trips()
    {
        var design = HubAndSpoke.Generate(5);

        var loaded = DesignDocument.Load(DesignDocument.Serialize(design));

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal((5 * 3) + 6, loaded.Design!.Devices.Count); // per site a host, its LAN and its MX; six in the data centre
    }
}
