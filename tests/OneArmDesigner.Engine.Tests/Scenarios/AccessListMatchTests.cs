using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>Access-list entries match source ports, port ranges (ASA eq, lt, gt, range; neq as two entries) and ICMP types.</summary>
public sealed class AccessListMatchTests
{
    private static Design InsideList(params AclRule[] entries) => EdgeNetwork.Design(f => f with { Acl = [.. f.Acl, .. entries] });

    [Theory]
    [InlineData(5000, true)]
    [InlineData(1000, false)]
    public void A_source_port_range_admits_clients_from_unprivileged_ports_only(int sourcePort, bool admitted)
    {
        var design = InsideList(EdgeNetwork.Permit("inside", Protocol.Tcp, "10.0.0.0/24", "0.0.0.0/0", destinationPort: 22, sourcePort: new PortRange(1024, 65535)));

        var syn = Simulator.Run(design, new Flow("PC", "Remote", DestinationPort: 22, SourcePort: sourcePort)).Packet("SYN");

        if (admitted)
        {
            syn.ShouldBeDelivered();
            Assert.Equal("access-list inside_access_in line 1: permit tcp 10.0.0.0/24 gt 1023 0.0.0.0/0 eq 22", syn.StepAt("ASA", StepAction.Filter).Evidence);
            return;
        }

        syn.ShouldBeDroppedAt("ASA", DropReason.AclDeny);
        Assert.Equal("%ASA-4-106023: Deny tcp src inside:10.0.0.10/1000 dst outside:198.51.100.10/22 by access-group \"inside_access_in\" [0x0, 0x0]", syn.Log);
    }

    [Theory]
    [InlineData(53, true)]
    [InlineData(5353, false)]
    public void A_destination_port_range_matches_the_ports_inside_it(int port, bool admitted)
    {
        var design = InsideList(EdgeNetwork.Permit("inside", Protocol.Udp, "0.0.0.0/0", "0.0.0.0/0", destinationPort: new PortRange(50, 60)));

        var datagram = Simulator.Run(design, new Flow("PC", "Remote", Protocol.Udp, port)).Packet("UDP");

        Assert.Equal(admitted, datagram.Reason != DropReason.AclDeny);
    }

    [Fact]
    public void Not_equal_to_a_port_is_two_entries_either_side_of_it()
    {
        var design = InsideList(
            EdgeNetwork.Permit("inside", Protocol.Tcp, "0.0.0.0/0", "0.0.0.0/0", destinationPort: new PortRange(1, 79)),
            EdgeNetwork.Permit("inside", Protocol.Tcp, "0.0.0.0/0", "0.0.0.0/0", destinationPort: new PortRange(81, 65535)));

        Assert.Equal(Verdict.Completed, Simulator.Run(design, new Flow("PC", "Remote", DestinationPort: 22)).Verdict);
        Simulator.Run(design, new Flow("PC", "Remote", DestinationPort: 80)).Packet("SYN").ShouldBeDroppedAt("ASA", DropReason.AclDeny);
    }

    [Fact]
    public void An_entry_for_any_protocol_with_a_port_matches_TCP_and_UDP_on_it_but_never_ICMP()
    {
        var design = InsideList(EdgeNetwork.Permit("inside", Protocol.Any, "0.0.0.0/0", "0.0.0.0/0", destinationPort: 22));

        Simulator.Run(design, new Flow("PC", "Remote", DestinationPort: 22)).Packet("SYN").ShouldBeDelivered();
        var echo = Simulator.Run(design, new Flow("PC", "Remote", Protocol.Icmp)).Packet("ECHO");
        echo.ShouldBeDroppedAt("ASA", DropReason.AclDeny);
        Assert.Contains("(type 8, code 0)", echo.Log);
    }
}
