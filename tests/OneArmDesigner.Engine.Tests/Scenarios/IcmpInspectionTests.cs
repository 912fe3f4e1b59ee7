using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>
/// An ASA keeps ICMP state only with inspect icmp: with it an echo opens a session and an unmatched reply is dropped
/// (313004); without it every ICMP packet, the echo reply included, is filtered by access list or security levels alone.
/// </summary>
public sealed class IcmpInspectionTests
{
    private static readonly Flow PingOut = new("PC", "Remote", Protocol.Icmp);

    [Fact]
    public void A_default_ASA_lets_the_ping_out_but_refuses_the_echo_reply_coming_in_from_lower_security()
    {
        var result = Simulator.Run(EdgeNetwork.Design(), PingOut);

        result.Packet("ECHO").ShouldBeDelivered();
        var reply = result.Packet("ECHO-REPLY");
        reply.ShouldBeDroppedAt("ASA", DropReason.AclDeny);
        Assert.Equal("%ASA-4-106023: Deny icmp src outside:198.51.100.10 dst inside:10.0.0.10 (type 0, code 0) by access-group \"outside_access_in\" [0x0, 0x0]", reply.Log);
    }

    [Fact]
    public void Without_inspection_the_PAT_translation_is_kept_and_an_access_list_permitting_echo_reply_lets_the_reply_back()
    {
        var design = EdgeNetwork.Design(f => f with
        {
            Acl = [.. f.Acl, EdgeNetwork.Permit("outside", Protocol.Icmp, "0.0.0.0/0", "0.0.0.0/0", icmpType: IcmpTypes.EchoReply)],
        });

        var result = Simulator.Run(design, PingOut);

        Assert.Equal(Verdict.Completed, result.Verdict);
        var reply = result.Packet("ECHO-REPLY");
        Assert.Contains("finds a translation for this flow", reply.StepAt("ASA", StepAction.SessionMatch).Detail);
        Assert.Equal("access-list outside_access_in line 2: permit icmp 0.0.0.0/0 0.0.0.0/0 echo-reply", reply.StepAt("ASA", StepAction.Filter).Evidence);
        Assert.Equal("10.0.0.10", reply.StepAt("PC", StepAction.Deliver).Before.Inner.Destination.ToString());
    }

    [Fact]
    public void With_inspect_icmp_the_echo_opens_a_session_and_the_reply_comes_back_through_it_without_an_access_list()
    {
        var result = Simulator.Run(EdgeNetwork.Design(f => f with { InspectIcmp = true }), PingOut);

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Contains(result.Packet("ECHO").Steps, s => s.Device == "ASA" && s.Action == StepAction.SessionCreate);
        var match = result.Packet("ECHO-REPLY").StepAt("ASA", StepAction.SessionMatch);
        Assert.Contains("finds this flow in its connection table (the return direction)", match.Detail);
        Assert.DoesNotContain(result.Packet("ECHO-REPLY").Steps, s => s.Device == "ASA" && s.Action == StepAction.Filter);
    }

    [Fact]
    public void With_inspect_icmp_an_echo_reply_nobody_asked_for_is_dropped_before_the_access_list_with_313004()
    {
        // The guide's broken design, pinged: the echo reaches LaptopB through the tunnel, unseen by the ASA in clear;
        // the reply goes to LaptopB's gateway, the ASA, which (hairpinning allowed) would otherwise forward it.
        var design = Networks.Broken.WithFirewall("ASA", f => f with { InspectIcmp = true, SameSecurityIntraInterface = true });

        var result = Simulator.Run(design, new Flow("LaptopA", "LaptopB", Protocol.Icmp));

        result.Packet("ECHO").ShouldBeDelivered();
        var reply = result.Packet("ECHO-REPLY");
        reply.ShouldBeDroppedAt("ASA", DropReason.NoSession);
        Assert.Equal("%ASA-4-313004: Denied ICMP type=0, from laddr 192.168.1.3 on interface inside to 10.0.0.2: no matching session", reply.Log);
        Assert.DoesNotContain(reply.Steps, s => s.Device == "ASA" && s.Action == StepAction.Filter);
        Assert.Contains("asymmetric routing", result.Summary);
        Assert.Contains("no inspect icmp on ASA", result.Summary);
    }

    [Theory]
    [InlineData(IcmpTypes.Echo, false)]
    [InlineData(IcmpTypes.EchoReply, true)]
    public void Access_list_entries_match_the_ICMP_type(int permittedType, bool replyArrives)
    {
        // Web pings out from the DMZ; its reply comes back to its published address, and only the outside list decides.
        var design = EdgeNetwork.Design(f => f with { Acl = [EdgeNetwork.Permit("outside", Protocol.Icmp, "0.0.0.0/0", "0.0.0.0/0", icmpType: permittedType)] });

        var reply = Simulator.Run(design, new Flow("Web", "Remote", Protocol.Icmp)).Packet("ECHO-REPLY");

        if (replyArrives)
        {
            reply.ShouldBeDelivered();
            return;
        }

        reply.ShouldBeDroppedAt("ASA", DropReason.AclDeny);
        Assert.Equal("%ASA-4-106023: Deny icmp src outside:198.51.100.10 dst dmz:172.16.0.10 (type 0, code 0) by access-group \"outside_access_in\" [0x0, 0x0]", reply.Log);
    }

    [Fact]
    public void The_packets_carry_their_ICMP_type_and_code_in_the_trace_JSON()
    {
        var result = Simulator.Run(EdgeNetwork.Design(f => f with { InspectIcmp = true }), PingOut);

        var json = TraceJson.Write(result);

        Assert.Contains("\"icmpType\":8,\"icmpCode\":0", json, StringComparison.Ordinal);
        Assert.Contains("\"icmpType\":0,\"icmpCode\":0", json, StringComparison.Ordinal);
        Assert.Equal("ICMP 10.0.0.10 > 198.51.100.10 echo request", result.Packet("ECHO").StepAt("PC", StepAction.Send).Before.Inner.ToString());
    }
}
