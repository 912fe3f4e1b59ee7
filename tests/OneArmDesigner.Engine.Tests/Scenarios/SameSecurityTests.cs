using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>Two LANs behind one firewall on interfaces of the same security level, with no access list.</summary>
public sealed class SameSecurityTests
{
    private static DesignBuilder TwoEqualLans() => new DesignBuilder("equal levels")
        .Host("H1", "10.1.0.10/24", "10.1.0.1", tcpPorts: 80)
        .Host("H2", "10.2.0.10/24", "10.2.0.1", tcpPorts: 80)
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24")
        .Firewall("FW", 0, 0, ("left", "10.1.0.1/24", 50), ("right", "10.2.0.1/24", 50))
        .Link("H1:eth0", "LAN1").Link("FW:left", "LAN1").Link("FW:right", "LAN2").Link("H2:eth0", "LAN2");

    [Fact]
    public void Without_inter_interface_permit_equal_levels_refuse_the_flow()
    {
        var result = Simulator.Run(TwoEqualLans().Build(), new Flow("H1", "H2", DestinationPort: 80));

        result.Packet("SYN").ShouldBeDroppedAt("FW", DropReason.SameSecurityDenied);
    }

    [Fact]
    public void Same_security_traffic_permit_inter_interface_lets_equal_levels_talk_without_an_access_list()
    {
        var design = TwoEqualLans().ConfigureFirewall("FW", f => f with { SameSecurityInterInterface = true }).Build();

        var result = Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80));

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Contains("inter-interface", result.Packet("SYN").StepAt("FW", StepAction.Filter).Detail);
    }
}
