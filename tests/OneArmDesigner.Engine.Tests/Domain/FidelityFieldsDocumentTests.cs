using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Tests.Domain;

/// <summary>
/// The document fields for ICMP inspection, TTL, proxy ARP and richer access lists: what they read as, that they round
/// trip, and that each mistake is named at its path.
/// </summary>
public sealed class FidelityFieldsDocumentTests
{
    private const string Firewall = """
        {"name":"FW","kind":"firewall","interfaces":[{"name":"outside","address":"203.0.113.2/24","securityLevel":0}],
         "firewall":{"inspectIcmp":true,"decrementTtl":true,
           "nat":[{"kind":"static","outsideInterface":"outside","publicAddress":"203.0.113.133","privateAddress":"172.16.0.10","noProxyArp":true}],
           "acl":[{"interface":"outside","action":"permit","protocol":"udp","sourcePort":53,"destinationPortRange":{"from":1024,"to":65535}},
                  {"interface":"outside","action":"permit","protocol":"tcp","sourcePortRange":{"from":1,"to":1023},"destinationPort":22},
                  {"interface":"outside","action":"permit","protocol":"icmp","icmpType":3,"icmpCode":3}]}}
        """;

    private static string Doc(string devices) => $$"""{"schemaVersion":1,"name":"t","devices":[{{devices}}]}""";

    private static IReadOnlyList<string> ProblemsOf(string json)
    {
        var result = DesignDocument.Load(json);
        Assert.False(result.Succeeded);
        return [.. result.Problems.Select(p => p.ToString())];
    }

    private static string Acl(string entry) => Doc($$$"""
        {"name":"FW","kind":"firewall","interfaces":[{"name":"outside","address":"203.0.113.2/24"}],
         "firewall":{"acl":[{"interface":"outside","action":"permit",{{{entry}}}}]}}
        """);

    [Fact]
    public void The_firewall_options_NAT_flag_and_access_list_matches_read_into_the_model()
    {
        var loaded = DesignDocument.Load(Doc(Firewall));

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        var firewall = loaded.Design!.FindDevice("FW")!.Firewall!;
        Assert.True(firewall.InspectIcmp);
        Assert.True(firewall.DecrementTtl);
        Assert.True(firewall.Nat[0].NoProxyArp);
        Assert.Equal(new PortRange(53, 53), firewall.Acl[0].SourcePort);
        Assert.Equal(new PortRange(1024, 65535), firewall.Acl[0].DestinationPort);
        Assert.Equal("permit tcp 0.0.0.0/0 lt 1024 0.0.0.0/0 eq 22", firewall.Acl[1].ToString());
        Assert.Equal("permit icmp 0.0.0.0/0 0.0.0.0/0 unreachable 3", firewall.Acl[2].ToString());
    }

    [Fact]
    public void A_host_initial_TTL_reads_and_defaults_to_64()
    {
        var loaded = DesignDocument.Load(Doc("""
            {"name":"Win","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.2/24"}],"initialTtl":128},
            {"name":"Linux","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.3/24"}]}
            """));

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(128, loaded.Design!.FindDevice("Win")!.Host!.InitialTtl);
        Assert.Equal(64, loaded.Design.FindDevice("Linux")!.Host!.InitialTtl);
    }

    [Fact]
    public void The_new_fields_round_trip_and_defaults_stay_out_of_the_document()
    {
        var json = DesignDocument.Serialize(DesignDocument.Load(Doc(Firewall + """
            ,{"name":"Win","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.2/24"}],"initialTtl":128}
            """)).Design!);

        Assert.Equal(json, DesignDocument.Serialize(DesignDocument.Load(json).Design!));
        Assert.Contains("\"initialTtl\": 128", json, StringComparison.Ordinal);
        Assert.Contains("\"destinationPortRange\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sourcePort\": 53", json, StringComparison.Ordinal);

        var plain = DesignDocument.Serialize(new DesignBuilder("plain")
            .Host("H", "10.0.0.2/24", "10.0.0.1").Firewall("FW", 0, 0, ("inside", "10.0.0.1/24", 100)).Build());
        Assert.DoesNotContain("initialTtl", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("inspectIcmp", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("decrementTtl", plain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"protocol\":\"tcp\",\"destinationPort\":22,\"destinationPortRange\":{\"from\":1,\"to\":2}",
        "devices[0].firewall.acl[0].destinationPortRange: give destinationPort (one port) or destinationPortRange (from, to), not both")]
    [InlineData("\"protocol\":\"tcp\",\"sourcePortRange\":{\"from\":2000,\"to\":1000}",
        "devices[0].firewall.acl[0].sourcePortRange: from 2000 is above to 1000; a range goes from the lower port to the higher")]
    [InlineData("\"protocol\":\"tcp\",\"sourcePortRange\":{\"from\":1000}",
        "devices[0].firewall.acl[0].sourcePortRange.to: is missing; a port range needs from and to")]
    [InlineData("\"protocol\":\"udp\",\"destinationPortRange\":{\"from\":0,\"to\":10}",
        "devices[0].firewall.acl[0].destinationPortRange.from: 0 is not a port; use 1 to 65535")]
    [InlineData("\"protocol\":\"icmp\",\"destinationPort\":7",
        "devices[0].firewall.acl[0].destinationPort: ports apply to tcp and udp, and this entry's protocol is icmp; match ICMP with icmpType")]
    [InlineData("\"protocol\":\"tcp\",\"icmpType\":8",
        "devices[0].firewall.acl[0].icmpType: applies to icmp entries, and this entry's protocol is tcp")]
    [InlineData("\"protocol\":\"icmp\",\"icmpCode\":3",
        "devices[0].firewall.acl[0].icmpCode: needs icmpType: a code narrows one ICMP type (for example type 3, code 3: port unreachable)")]
    [InlineData("\"protocol\":\"icmp\",\"icmpType\":256",
        "devices[0].firewall.acl[0].icmpType: 256 is not an ICMP type; use 0 to 255")]
    public void A_wrong_access_list_match_is_named_at_its_path(string entry, string expected)
    {
        Assert.Contains(expected, ProblemsOf(Acl(entry)));
    }

    [Fact]
    public void A_TTL_out_of_range_or_on_a_router_is_refused()
    {
        var problems = ProblemsOf(Doc("""
            {"name":"H","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.2/24"}],"initialTtl":0},
            {"name":"R","kind":"router","initialTtl":64}
            """));

        Assert.Contains("devices[0].initialTtl: 0 is not a TTL; use 1 to 255 (64 for Linux and macOS, 128 for Windows)", problems);
        Assert.Contains("devices[1].initialTtl: only hosts and servers have this section, and this device is a Router", problems);
    }

    [Fact]
    public void No_proxy_ARP_on_a_PAT_rule_is_refused()
    {
        var problems = ProblemsOf(Doc("""
            {"name":"FW","kind":"firewall","interfaces":[{"name":"outside","address":"203.0.113.2/24"}],
             "firewall":{"nat":[{"kind":"pat","outsideInterface":"outside","insideNetwork":"10.0.0.0/24","noProxyArp":true}]}}
            """));

        Assert.Contains(problems, p => p.StartsWith("devices[0].firewall.nat[0].noProxyArp: applies to static NAT and port forwards", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80, 80, "eq 80")]
    [InlineData(1, 1023, "lt 1024")]
    [InlineData(1024, 65535, "gt 1023")]
    [InlineData(5000, 5010, "range 5000 5010")]
    [InlineData(1, 65535, "range 1 65535")]
    public void A_port_range_reads_as_the_ASA_operator_it_stands_for(int from, int to, string expected)
    {
        Assert.Equal(expected, new PortRange(from, to).ToString());
    }

    [Fact]
    public void A_rule_written_with_a_plain_port_number_matches_that_port_only()
    {
        var rule = new AclRule("outside", AclAction.Permit, Protocol.Udp, Ipv4Prefix.Default, Ipv4Prefix.Default, 4500);

        Assert.True(rule.DestinationPort!.Value.Contains(4500));
        Assert.False(rule.DestinationPort.Value.Contains(4501));
    }
}
