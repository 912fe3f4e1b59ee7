using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Golden;

/// <summary>
/// The guide's second walkthrough, bullet by bullet, with the transit VLAN between the ASA and MX80-B: the ASA sees
/// both directions and the handshake completes. Where the guide says MX80-B "unencapsulates and decrypts" the SYN-ACK,
/// the truth (asserted here) is that it encrypts and encapsulates it toward MX80-A. The guide stops before the ACK.
/// </summary>
public sealed class TransitVlanWalkthroughTests
{
    private static readonly ExchangeResult Result = Simulator.Run(SeedTemplates.TransitVlan(), new Flow("LaptopA", "LaptopB", DestinationPort: 3389));

    [Fact]
    public void Bullets1_and_2_LaptopA_sends_the_SYN_and_MX80_A_encapsulates_it_toward_MX80_B()
    {
        var syn = Result.Packet("SYN");
        Assert.Equal("10.0.0.2", syn.StepAt("LaptopA", StepAction.Send).Before.Inner.Source.ToString());
        Assert.Equal("203.0.113.2", syn.StepAt("MX80-A", StepAction.Encapsulate).After.Outer!.Value.Destination.ToString());
    }

    [Fact]
    public void Bullet3_the_ASA_port_forwards_the_datagram_to_MX80_B_at_172_16_1_2_on_the_transit_VLAN()
    {
        var syn = Result.Packet("SYN");
        Assert.Equal("172.16.1.2", syn.StepAt("ASA", StepAction.NatDestination).After.Outer!.Value.Destination.ToString());
        var forward = syn.StepAt("ASA", StepAction.Forward);
        Assert.Equal("transit", forward.Egress);
        Assert.Equal("Transit VLAN", forward.Crossing!.Segment);
    }

    [Fact]
    public void Bullet4_MX80_B_decapsulates_and_sends_the_SYN_to_its_gateway_the_ASA_at_172_16_1_1()
    {
        var syn = Result.Packet("SYN");
        syn.StepAt("MX80-B", StepAction.Decapsulate);
        Assert.Contains("172.16.1.1", syn.StepAt("MX80-B", StepAction.Route).Detail);
        Assert.Equal("ASA", syn.StepAt("MX80-B", StepAction.Forward).Crossing!.ToDevice);
    }

    [Fact]
    public void Bullets5_and_6_the_ASA_sees_the_SYN_on_its_transit_interface_and_opens_a_connection_to_LaptopB()
    {
        var syn = Result.Packet("SYN");
        Assert.Equal("transit", syn.StepAt("ASA", StepAction.Receive, occurrence: 1).Ingress);
        var opened = syn.StepAt("ASA", StepAction.SessionCreate, occurrence: 1);
        Assert.Equal(SessionChange.Created, opened.SessionEvents![0].Change);
        Assert.Equal("SYN sent (embryonic)", opened.SessionEvents[0].Session.State);
        syn.ShouldBeDelivered();
        Assert.Equal(["LaptopA", "MX80-A", "Internet", "ASA", "MX80-B", "ASA", "LaptopB"], syn.Devices());
    }

    [Fact]
    public void Bullet7_the_ASA_matches_the_SYN_ACK_to_the_connection_and_routes_10_0_0_0_24_to_172_16_1_2()
    {
        var synAck = Result.Packet("SYN-ACK");
        var match = synAck.StepAt("ASA", StepAction.SessionMatch);
        Assert.Equal("inside", match.Ingress);
        Assert.Equal("SYN-ACK seen", match.SessionEvents![0].Session.State);
        Assert.Contains("10.0.0.0/24 via 172.16.1.2", synAck.StepAt("ASA", StepAction.Route).Evidence);
    }

    [Fact]
    public void Bullet8_corrected_MX80_B_encrypts_and_encapsulates_the_SYN_ACK_toward_MX80_A()
    {
        var synAck = Result.Packet("SYN-ACK");
        Assert.DoesNotContain(synAck.Steps, s => s.Device == "MX80-B" && s.Action == StepAction.Decapsulate);
        var encapsulated = synAck.StepAt("MX80-B", StepAction.Encapsulate);
        Assert.Equal("198.51.100.2", encapsulated.After.Outer!.Value.Destination.ToString());
        Assert.Equal("172.16.1.2", encapsulated.After.Outer!.Value.Source.ToString());
    }

    [Fact]
    public void Bullet9_the_ASA_sends_the_IPsec_datagram_out_of_its_outside_interface_as_its_public_address()
    {
        var synAck = Result.Packet("SYN-ACK");
        var outbound = synAck.StepAt("ASA", StepAction.SessionMatch, occurrence: 1);
        Assert.Equal("transit", outbound.Ingress);
        Assert.Equal("203.0.113.2", outbound.After.Outer!.Value.Source.ToString());
        Assert.Equal("outside", synAck.StepAt("ASA", StepAction.Forward, occurrence: 1).Egress);
    }

    [Fact]
    public void Bullet10_MX80_A_decapsulates_and_delivers_the_SYN_ACK_to_LaptopA_on_its_LAN()
    {
        var synAck = Result.Packet("SYN-ACK");
        synAck.StepAt("MX80-A", StepAction.Decapsulate);
        Assert.Equal("LaptopA", synAck.StepAt("MX80-A", StepAction.Forward).Crossing!.ToDevice);
        synAck.ShouldBeDelivered();
    }

    [Fact]
    public void Beyond_the_guide_the_ACK_completes_the_handshake_and_the_ASA_marks_the_connection_established()
    {
        var ack = Result.Packet("ACK");
        ack.ShouldBeDelivered();
        var established = ack.Steps.Where(s => s.Device == "ASA" && s.Action == StepAction.SessionMatch)
            .SelectMany(s => s.SessionEvents!).Last(e => e.Session.Original.Protocol == OneArmDesigner.Domain.Model.Protocol.Tcp);
        Assert.Equal("established", established.Session.State);
        Assert.Equal(Verdict.Completed, Result.Verdict);
        Assert.Equal(["SYN", "SYN-ACK", "ACK"], Result.Packets.Select(p => p.Kind));
    }

    [Fact]
    public void The_same_exchange_traced_twice_is_identical()
    {
        var again = Simulator.Run(SeedTemplates.TransitVlan(), new Flow("LaptopA", "LaptopB", DestinationPort: 3389));

        Assert.Equal(TraceJson.Write(Result), TraceJson.Write(again));
    }

}
