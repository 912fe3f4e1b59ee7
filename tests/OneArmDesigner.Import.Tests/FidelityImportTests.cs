using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Endpoints;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Import.Tests;

/// <summary>
/// The ASA lines behind the fidelity options (issue #16): `inspect icmp`, `set connection decrement-ttl`,
/// `no-proxy-arp`, access-list ports and ICMP messages. What each becomes, how an imported firewall then behaves, and
/// where the ASA's reach is narrower than the model's (reported, never silent).
/// </summary>
public sealed class FidelityImportTests
{
    private static ImportResult Edge(string lines)
    {
        var result = Configurations.Asa(Configurations.EdgeAsa + "\n" + lines.ReplaceLineEndings("\n") + "\n");
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result;
    }

    private static FirewallSettings Firewall(ImportResult result) => result.Design!.GetDevice("fw").Firewall!;

    private static LineNote Note(ImportResult result, string text) => Assert.Single(result.Report!.Lines, l => l.Text == text);

    private static ExchangeResult Run(Design design, string from, string to, Protocol protocol, int? ttl = null)
    {
        var flow = AddressedFlows.Resolve(design, from, to, protocol, 443);
        Assert.True(flow.Succeeded, string.Join("; ", flow.Problems));
        return Simulator.Run(flow.Design, flow.Flow! with { Ttl = ttl });
    }

    private static string GuideAsaWith(params string[] inspectionDefaultLines)
    {
        var text = Configurations.Text("guide/asa-broken.cfg").ReplaceLineEndings("\n")
            .Replace("access-list outside_access_in", "same-security-traffic permit intra-interface\naccess-list outside_access_in", StringComparison.Ordinal);
        return text.Replace("  inspect ftp\n", "  inspect ftp\n" + string.Concat(inspectionDefaultLines.Select(l => l + "\n")), StringComparison.Ordinal);
    }

    private static Design GuideDesign(string asa) =>
        ConfigurationImporter.Import([ImportFile.FromText("asa.cfg", asa)], Configurations.File("guide/meraki-broken.json")).Design!;

    [Fact]
    public void The_guides_broken_ASA_with_inspect_icmp_loses_the_pings_reply_with_313004_and_without_it_the_ping_completes()
    {
        var inspecting = Run(GuideDesign(GuideAsaWith("  inspect icmp")), "10.0.0.2", "192.168.1.3", Protocol.Icmp);
        var notInspecting = Run(GuideDesign(GuideAsaWith()), "10.0.0.2", "192.168.1.3", Protocol.Icmp);

        var reply = inspecting.Packets.Single(p => p.Kind == "ECHO-REPLY");
        Assert.Equal(("ASA", DropReason.NoSession), (reply.DropDevice, reply.Reason));
        Assert.StartsWith("%ASA-4-313004: Denied ICMP type=0, from laddr 192.168.1.3 on interface inside to 10.0.0.2", reply.Log);
        Assert.Equal(Verdict.Completed, notInspecting.Verdict);
    }

    [Fact]
    public void With_decrement_ttl_the_imported_ASA_spends_a_TTL_of_one_itself_without_it_the_ping_crosses_it()
    {
        const string decrementing = """
            policy-map global_policy
             class class-default
              set connection decrement-ttl
            service-policy global_policy global
            """;

        var spending = Run(Edge(decrementing).Design!, "10.5.0.2", "10.6.0.2", Protocol.Icmp, ttl: 1).Packets[0];
        var passing = Run(Edge("").Design!, "10.5.0.2", "10.6.0.2", Protocol.Icmp, ttl: 1).Packets[0];

        Assert.True(Firewall(Edge(decrementing)).DecrementTtl);
        Assert.Equal(("fw", DropReason.TtlExceeded), (spending.DropDevice, spending.Reason));
        Assert.Equal(Disposition.Delivered, passing.Disposition);
    }

    [Fact]
    public void No_proxy_arp_on_a_static_NAT_leaves_the_published_address_unanswered_on_the_outside_subnet()
    {
        static ImportResult Published(string option) => Edge($"""
            object network SERVER
             host 10.6.0.10
            object network SERVER-PUBLIC
             host 203.0.113.10
            nat (dmz,outside) source static SERVER SERVER-PUBLIC{option}
            """);
        var (answered, unanswered) = (Published(""), Published(" no-proxy-arp"));

        Assert.Equal([false, true], new[] { answered, unanswered }.Select(r => Firewall(r).Nat.Single().NoProxyArp));
        Assert.Equal(Verdict.Completed, Run(answered.Design!, "10.6.0.10", "203.0.113.50", Protocol.Tcp).Verdict);
        var synAck = Run(unanswered.Design!, "10.6.0.10", "203.0.113.50", Protocol.Tcp).Packets.Single(p => p.Kind == "SYN-ACK");
        Assert.Equal(("Internet", DropReason.NoRoute), (synAck.DropDevice, synAck.Reason));
    }

    [Fact]
    public void A_unidirectional_static_NAT_is_kept_and_reported_as_translating_both_ways()
    {
        var result = Edge("""
            object network SERVER
             host 10.6.0.10
            object network SERVER-PUBLIC
             host 203.0.113.10
            nat (dmz,outside) source static SERVER SERVER-PUBLIC unidirectional
            """);

        Assert.Single(Firewall(result).Nat);
        Assert.Equal(LineDisposition.NotModelled, Note(result, "nat (dmz,outside) source static SERVER SERVER-PUBLIC unidirectional").Disposition);
    }

    [Fact]
    public void Simulating_to_a_published_address_names_the_host_behind_it_instead_of_placing_a_stranger_there()
    {
        var design = Edge("""
            object network SERVER
             host 10.6.0.10
            object network SERVER-PUBLIC
             host 203.0.113.10
            nat (dmz,outside) source static SERVER SERVER-PUBLIC
            """).Design!;

        var flow = AddressedFlows.Resolve(design, "10.5.0.2", "203.0.113.10", Protocol.Tcp, 443);

        Assert.Equal(
            ["to: 203.0.113.10 is the address fw maps to 10.6.0.10 (static NAT 10.6.0.10 ⇄ 203.0.113.10 on outside); flows run between hosts' own addresses, so give 10.6.0.10: its traffic leaves as 203.0.113.10"],
            flow.Problems);
    }

    [Fact]
    public void Inspect_icmp_on_a_class_of_one_access_list_and_one_interface_is_modelled_on_all_ICMP_and_reported()
    {
        var result = Edge("""
            access-list PINGS extended permit icmp any any
            class-map PINGS
             match access-list PINGS
            policy-map outside_policy
             class PINGS
              inspect icmp
            service-policy outside_policy interface outside
            """);

        Assert.True(Firewall(result).InspectIcmp);
        var note = Note(result, "inspect icmp");
        Assert.Equal(LineDisposition.NotModelled, note.Disposition);
        Assert.Equal("on the ASA this inspects only the traffic access list PINGS selects and only traffic on interface outside; the model inspects all ICMP through the firewall", note.Reason);
    }

    [Fact]
    public void Decrement_ttl_on_the_default_inspection_traffic_is_modelled_on_every_packet_and_reported()
    {
        var result = Edge("""
            class-map inspection_default
             match default-inspection-traffic
            policy-map global_policy
             class inspection_default
              inspect icmp
              set connection decrement-ttl
            service-policy global_policy global
            """);

        Assert.True(Firewall(result).DecrementTtl);
        Assert.True(Firewall(result).InspectIcmp);
        Assert.DoesNotContain(result.Report!.Lines, l => l.Text == "inspect icmp");
        Assert.Equal("on the ASA this spends TTL on only the default inspection traffic; the model spends TTL on every packet the firewall forwards",
            Note(result, "set connection decrement-ttl").Reason);
    }

    [Fact]
    public void Tcp_state_bypass_on_a_class_that_matches_any_traffic_bypasses_all_TCP()
    {
        var result = Edge("""
            class-map ALL
             match any
            policy-map global_policy
             class ALL
              set connection advanced-options tcp-state-bypass
            service-policy global_policy global
            """);

        Assert.Equal([new TrafficSelector(Ipv4Prefix.Default, Ipv4Prefix.Default)], Firewall(result).TcpStateBypass);
        Assert.Equal(0, result.Report!.NotModelledCount);
    }

    [Fact]
    public void Ports_outside_1_to_65535_fall_away_and_a_line_left_with_none_matches_nothing_the_simulation_sends()
    {
        var result = Edge("""
            access-list inside_access_in extended permit tcp any any lt 1
            access-list inside_access_in extended permit tcp any lt 1024 any neq 0
            access-list inside_access_in extended deny udp any any eq 0
            access-group inside_access_in in interface inside
            """);

        Assert.Equal(["permit tcp 0.0.0.0/0 lt 1024 0.0.0.0/0 range 1 65535"], Firewall(result).Acl.Select(a => a.ToString()));
        Assert.Equal("its ports match only port 0, which no packet the simulation sends carries", Note(result, "access-list inside_access_in extended deny udp any any eq 0").Reason);
        Assert.Equal(LineDisposition.Ignored, Note(result, "access-list inside_access_in extended permit tcp any any lt 1").Disposition);
    }

    [Fact]
    public void ICMP_types_come_by_keyword_or_number_with_a_code_and_from_service_objects_and_icmp_type_groups()
    {
        var result = Edge("""
            object service FRAGMENTATION-NEEDED
             service icmp unreachable 4
            object-group icmp-type TRACE
             icmp-object time-exceeded
             icmp-object traceroute
            object-group service PINGS
             service-object icmp echo
             service-object icmp 0
            access-list outside_access_in extended permit icmp any any 3 3
            access-list outside_access_in extended permit object FRAGMENTATION-NEEDED any any
            access-list outside_access_in extended permit icmp any any object-group TRACE
            access-list outside_access_in extended permit object-group PINGS any any
            access-group outside_access_in in interface outside
            """);

        Assert.Equal(
            [(3, 3), (3, 4), (11, null), (30, null), (8, null), (0, null)],
            Firewall(result).Acl.Select(a => (a.IcmpType!.Value, a.IcmpCode)));
    }

    [Fact]
    public void A_word_that_is_no_ICMP_type_leaves_its_line_out_and_says_why()
    {
        var result = Edge("""
            access-list outside_access_in extended permit icmp any any echo-reply
            access-list outside_access_in extended permit icmp any any echo-rpely
            access-group outside_access_in in interface outside
            """);

        Assert.Single(Firewall(result).Acl);
        Assert.Equal("could not be read: 'echo-rpely' is not an ICMP type", Note(result, "access-list outside_access_in extended permit icmp any any echo-rpely").Reason);
    }
}
