using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>
/// The guide's two designs with a ping and with UDP instead of RDP. Asymmetric routing hurts what the ASA tracks: TCP
/// always, ICMP only with inspect icmp; a UDP reply that matches no connection is simply a new flow.
/// </summary>
public sealed class GuideIcmpAndUdpTests
{
    private static readonly Flow Ping = new("LaptopA", "LaptopB", Protocol.Icmp);
    private static readonly Flow Dns = new("LaptopA", "LaptopB", Protocol.Udp, 53);

    private static Design ListeningOnDns(Design design) =>
        design.WithDevice("LaptopB", d => d with { Host = d.Host! with { UdpPorts = [53] } });

    [Fact]
    public void Broken_design_ping_the_echo_reply_has_to_hairpin_out_of_the_inside_interface_and_is_refused()
    {
        var reply = Simulator.Run(Networks.Broken, Ping).Packet("ECHO-REPLY");

        reply.ShouldBeDroppedAt("ASA", DropReason.HairpinDenied);
    }

    [Fact]
    public void Broken_design_ping_with_hairpinning_allowed_completes_on_a_default_ASA_that_keeps_no_ICMP_state()
    {
        var design = Networks.Broken.WithFirewall("ASA", f => f with { SameSecurityIntraInterface = true });

        Assert.Equal(Verdict.Completed, Simulator.Run(design, Ping).Verdict);
    }

    [Fact]
    public void Broken_design_ping_with_inspect_icmp_loses_its_echo_reply_like_the_SYN_ACK()
    {
        var design = Networks.Broken.WithFirewall("ASA", f => f with { SameSecurityIntraInterface = true, InspectIcmp = true });

        Simulator.Run(design, Ping).Packet("ECHO-REPLY").ShouldBeDroppedAt("ASA", DropReason.NoSession);
    }

    [Fact]
    public void Broken_design_UDP_with_hairpinning_allowed_completes_because_the_reply_just_opens_a_new_connection()
    {
        var design = ListeningOnDns(Networks.Broken).WithFirewall("ASA", f => f with { SameSecurityIntraInterface = true });

        var result = Simulator.Run(design, Dns);

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Contains(result.Packet("UDP-REPLY").Steps, s => s.Device == "ASA" && s.Action == StepAction.SessionCreate);
    }

    [Fact]
    public void Fixed_design_ping_with_inspect_icmp_completes_and_the_ASA_tracks_the_echo_in_both_directions()
    {
        var design = Networks.Fixed.WithFirewall("ASA", f => f with { InspectIcmp = true });

        var result = Simulator.Run(design, Ping);

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Contains(result.Packet("ECHO").Steps, s => s.Device == "ASA" && s.Action == StepAction.SessionCreate);
        Assert.Contains(result.Packet("ECHO-REPLY").Steps, s => s.Device == "ASA" && s.Action == StepAction.SessionMatch);
    }

    [Fact]
    public void Fixed_design_UDP_request_and_reply_both_cross_the_ASA_on_one_connection()
    {
        var result = Simulator.Run(ListeningOnDns(Networks.Fixed), Dns);

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Contains(result.Packet("UDP-REPLY").Steps, s => s.Device == "ASA" && s.Action == StepAction.SessionMatch);
    }
}
