using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Golden;

/// <summary>
/// The guide's first walkthrough, bullet by bullet: MX80-B shares LaptopB's subnet, so the SYN reaches LaptopB without
/// the ASA seeing it in clear, and the ASA drops the SYN-ACK.
/// </summary>
public sealed class AsymmetricWalkthroughTests
{
    private static readonly ExchangeResult Result = Simulator.Run(SeedTemplates.Asymmetric(), new Flow("LaptopA", "LaptopB", DestinationPort: 3389));

    [Fact]
    public void Bullet1_LaptopA_sends_the_SYN_from_5000_to_3389_to_its_gateway_MX80_A()
    {
        var syn = Result.Packet("SYN");
        var sent = syn.StepAt("LaptopA", StepAction.Send).Before.Inner;
        Assert.Equal("10.0.0.2", sent.Source.ToString());
        Assert.Equal(5000, sent.SourcePort);
        Assert.Equal("192.168.1.3", sent.Destination.ToString());
        Assert.Equal(3389, sent.DestinationPort);
        Assert.Equal(TcpFlags.Syn, sent.Flags);
        Assert.Equal("MX80-A", syn.StepAt("LaptopA", StepAction.Forward).Crossing!.ToDevice);
        Assert.Contains("default gateway 10.0.0.1", syn.StepAt("LaptopA", StepAction.Route).Detail);
    }

    [Fact]
    public void Bullet2_MX80_A_matches_the_VPN_route_and_encapsulates_toward_MX80_B()
    {
        var syn = Result.Packet("SYN");
        Assert.Contains("192.168.1.0/24 via VPN peer MX80-B", syn.StepAt("MX80-A", StepAction.Route).Evidence);
        var outer = syn.StepAt("MX80-A", StepAction.Encapsulate).After.Outer!.Value;
        Assert.Equal("198.51.100.2", outer.Source.ToString());
        Assert.Equal("203.0.113.2", outer.Destination.ToString());
        Assert.Equal(4500, outer.DestinationPort);
    }

    [Fact]
    public void Bullet3_the_ASA_forwards_the_IPsec_datagram_by_its_port_forward_to_MX80_B_at_192_168_1_2()
    {
        var syn = Result.Packet("SYN");
        var nat = syn.StepAt("ASA", StepAction.NatDestination);
        Assert.Equal("outside", nat.Ingress);
        Assert.Equal("192.168.1.2", nat.After.Outer!.Value.Destination.ToString());
        Assert.Equal("MX80-B", syn.StepAt("ASA", StepAction.Forward).Crossing!.ToDevice);
    }

    [Fact]
    public void Bullet4_MX80_B_decapsulates_and_sends_the_SYN_straight_to_LaptopB_on_the_shared_subnet()
    {
        var syn = Result.Packet("SYN");
        Assert.Null(syn.StepAt("MX80-B", StepAction.Decapsulate).After.Outer);
        Assert.Contains("own subnet 192.168.1.0/24", syn.StepAt("MX80-B", StepAction.Route).Detail);
        Assert.Equal("LaptopB", syn.StepAt("MX80-B", StepAction.Forward).Crossing!.ToDevice);
        Assert.Equal(["LaptopA", "MX80-A", "Internet", "ASA", "MX80-B", "LaptopB"], syn.Devices());
        syn.ShouldBeDelivered();
    }

    [Fact]
    public void Bullet5_LaptopB_answers_with_a_SYN_ACK_to_10_0_0_2_through_its_gateway_the_ASA()
    {
        var synAck = Result.Packet("SYN-ACK");
        var sent = synAck.StepAt("LaptopB", StepAction.Send).Before.Inner;
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, sent.Flags);
        Assert.Equal("192.168.1.3:3389 → 10.0.0.2:5000", $"{sent.Source}:{sent.SourcePort} → {sent.Destination}:{sent.DestinationPort}");
        Assert.Equal("ASA", synAck.StepAt("LaptopB", StepAction.Forward).Crossing!.ToDevice);
    }

    [Fact]
    public void Bullet6_the_ASA_never_saw_the_SYN_and_drops_the_SYN_ACK_with_its_106015_log_line()
    {
        var synAck = Result.Packet("SYN-ACK");
        synAck.ShouldBeDroppedAt("ASA", DropReason.NoSession);
        Assert.Equal(
            "%ASA-6-106015: Deny TCP (no connection) from 192.168.1.3/3389 to 10.0.0.2/5000 flags SYN ACK on interface inside",
            synAck.Log);
        Assert.Equal(Verdict.Failed, Result.Verdict);
        Assert.Equal(2, Result.Packets.Count);
        Assert.Contains("asymmetric routing", Result.Summary);
        Assert.Contains("transit VLAN", Result.Summary);
    }
}
