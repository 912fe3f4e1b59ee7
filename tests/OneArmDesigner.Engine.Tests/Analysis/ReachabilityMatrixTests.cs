using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Analysis;

public sealed class ReachabilityMatrixTests
{
    /// <summary>
    /// H1 reaches LAN2 through R1 and R2, but R1 has no route to LAN3. Every destination looks the same to H1 (its
    /// default gateway), and only R1 tells them apart; an ACL on the firewall FW in front of LAN2 singles out one host,
    /// and H2-ghost has an address on LAN2 but no cable, so R2 cannot resolve it while it resolves H2-other (listed after it,
    /// so H2-other is compared with H2-ghost's dropped request).
    /// </summary>
    private static Design AlikeAtFirstHopApartLater() => new DesignBuilder("alike at first, apart later")
        .Host("H1", "10.1.0.10/24", "10.1.0.1", tcpPorts: 80)
        .Host("H2", "10.2.0.10/24", "10.2.0.1", tcpPorts: 80)
        .Host("H2-denied", "10.2.0.11/24", "10.2.0.1", tcpPorts: 80)
        .Host("H2-ghost", "10.2.0.13/24", "10.2.0.1", tcpPorts: 80)
        .Host("H2-other", "10.2.0.12/24", "10.2.0.1", tcpPorts: 80)
        .Host("H2-ping", "10.2.0.14/24", "10.2.0.1")
        .Host("H3", "10.3.0.10/24", "10.3.0.1", tcpPorts: 80)
        .Host("H3-too", "10.3.0.11/24", "10.3.0.1", tcpPorts: 80)
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24").Vlan("LAN3", 3, "10.3.0.0/24")
        .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
        .Firewall("FW", 0, 0, ("outside", "10.9.0.2/30", 0), ("inside", "10.9.1.1/30", 100))
        .Router("R2", 0, 0, ("g0", "10.2.0.1/24"), ("g1", "10.9.1.2/30"))
        .Router("R3", 0, 0, ("g0", "10.3.0.1/24"))
        .Link("H1:eth0", "LAN1").Link("R1:g0", "LAN1").Link("R1:g1", "FW:outside").Link("FW:inside", "R2:g1")
        .Link("R2:g0", "LAN2").Link("H2:eth0", "LAN2").Link("H2-denied:eth0", "LAN2").Link("H2-other:eth0", "LAN2").Link("H2-ping:eth0", "LAN2")
        .Link("R3:g0", "LAN3").Link("H3:eth0", "LAN3").Link("H3-too:eth0", "LAN3")
        .Route("R1", "10.2.0.0/24", "10.9.0.2").Route("FW", "10.2.0.0/24", "10.9.1.2").Route("FW", "10.1.0.0/24", "10.9.0.1")
        .Route("R2", "0.0.0.0/0", "10.9.1.1")
        .ConfigureFirewall("FW", f => f with
        {
            Acl =
            [
                new AclRule("outside", AclAction.Deny, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Parse("10.2.0.11/32")),
                new AclRule("outside", AclAction.Permit, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Parse("10.2.0.0/24")),
            ],
        })
        .Build();

    /// <summary>
    /// Two LANs of look-alike hosts behind a router and a firewall. A1–A3 are interchangeable; A4 is a next hop of a
    /// route, A6 listens on a port, B2 is singled out by the firewall's access list, so each is on its own; A5 and A7
    /// have no gateway, so their drops name themselves; B1 and B3 are interchangeable.
    /// </summary>
    private static Design LookAlikeHosts() => new DesignBuilder("look-alike hosts")
        .Host("A1", "10.1.0.10/24", "10.1.0.1").Host("A2", "10.1.0.11/24", "10.1.0.1").Host("A3", "10.1.0.12/24", "10.1.0.1")
        .Host("A4", "10.1.0.13/24", "10.1.0.1").Host("A5", "10.1.0.14/24", "10.1.0.1").Host("A6", "10.1.0.15/24", "10.1.0.1", tcpPorts: 22)
        .Host("A7", "10.1.0.16/24", "10.1.0.1")
        .Host("B1", "10.2.0.11/24", "10.2.0.1").Host("B2", "10.2.0.12/24", "10.2.0.1").Host("B3", "10.2.0.13/24", "10.2.0.1")
        .Server("S", "10.2.0.20/24", "10.2.0.1", tcpPorts: 443)
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24")
        .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
        .Firewall("FW", 0, 0, ("outside", "10.9.0.2/30", 0), ("inside", "10.2.0.1/24", 100))
        .Link("R1:g0", "LAN1").Link("R1:g1", "FW:outside").Link("FW:inside", "LAN2")
        .Link("A1:eth0", "LAN1").Link("A2:eth0", "LAN1").Link("A3:eth0", "LAN1").Link("A4:eth0", "LAN1").Link("A5:eth0", "LAN1")
        .Link("A6:eth0", "LAN1").Link("A7:eth0", "LAN1")
        .Link("B1:eth0", "LAN2").Link("B2:eth0", "LAN2").Link("B3:eth0", "LAN2").Link("S:eth0", "LAN2")
        .Route("R1", "10.2.0.0/24", "10.9.0.2").Route("R1", "10.7.0.0/24", "10.1.0.13").Route("FW", "10.1.0.0/24", "10.9.0.1")
        .Update("A5", d => d with { DefaultGateway = null }).Update("A7", d => d with { DefaultGateway = null })
        .ConfigureFirewall("FW", f => f with
        {
            Acl =
            [
                new AclRule("outside", AclAction.Deny, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Parse("10.2.0.12/32")),
                new AclRule("outside", AclAction.Permit, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Parse("10.2.0.0/24")),
            ],
        })
        .Build();

    /// <summary>
    /// Two firewalls that route a LAN at each other and spend no TTL (no decrement-ttl): only the walker's breadcrumbs
    /// stop the packet. Random designs rarely build this, so it is here by hand.
    /// </summary>
    private static Design FirewallsLoopingWithoutTtl() => new DesignBuilder("firewalls looping")
        .Host("H1", "10.1.0.10/24", "10.1.0.1").Host("H2", "10.1.0.11/24", "10.1.0.1", tcpPorts: 443).Host("H3", "10.3.0.10/24", "10.3.0.1")
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("Mid", 2, "10.2.0.0/24").Vlan("LAN3", 3, "10.3.0.0/24")
        .Firewall("FW1", 0, 0, ("inside", "10.1.0.1/24", 100), ("mid", "10.2.0.1/24", 50))
        .Firewall("FW2", 0, 0, ("mid", "10.2.0.2/24", 50), ("far", "10.3.0.1/24", 100))
        .Link("H1:eth0", "LAN1").Link("H2:eth0", "LAN1").Link("H3:eth0", "LAN3").Link("FW1:inside", "LAN1").Link("FW1:mid", "Mid")
        .Link("FW2:mid", "Mid").Link("FW2:far", "LAN3")
        .Route("FW1", "10.3.0.0/24", "10.2.0.2").Route("FW2", "10.3.0.0/25", "10.2.0.1").Route("FW2", "10.1.0.0/24", "10.2.0.1")
        .ConfigureFirewall("FW1", f => f with { SameSecurityIntraInterface = true, Acl = [new AclRule("mid", AclAction.Permit, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Default)] })
        .ConfigureFirewall("FW2", f => f with { SameSecurityIntraInterface = true, Acl = [new AclRule("mid", AclAction.Permit, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Default)] })
        .Build();

    public static TheoryData<string> Designs => ["seed broken", "seed fixed", "hub and spoke 5", "hub and spoke 20", "alike at first hop, apart later", "look-alike hosts", "broken hub and spoke 4", "firewalls looping without TTL"];

    private static Design Named(string name) => name switch
    {
        "seed broken" => SeedTemplates.Asymmetric(),
        "seed fixed" => SeedTemplates.TransitVlan(),
        "hub and spoke 5" => HubAndSpoke.Generate(5),
        "hub and spoke 20" => HubAndSpoke.Generate(20),
        "look-alike hosts" => LookAlikeHosts(),
        "broken hub and spoke 4" => WithoutPortForward(HubAndSpoke.Generate(4)),
        "firewalls looping without TTL" => FirewallsLoopingWithoutTtl(),
        _ => AlikeAtFirstHopApartLater(),
    };

    private static Design WithoutPortForward(Design design) => design with
    {
        Devices = [.. design.Devices.Select(d => d.Name == "DC-FW" ? d with { Firewall = d.Firewall! with { Nat = [] } } : d)],
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void Sharing_outcomes_gives_exactly_what_tracing_every_pair_gives(string name)
    {
        var network = NetworkCompiler.Compile(Named(name));
        var hosts = ReachabilityMatrix.EndpointsOf(network).ToList();

        var matrix = ReachabilityMatrix.Compute(network);

        var pairs = 0;
        foreach (var from in hosts)
        {
            foreach (var to in hosts.Where(t => t != from))
            {
                var expected = PairOutcome.Of(network, Simulator.Run(network, ReachabilityMatrix.DefaultFlow(from, to)));
                Assert.Equal(expected, matrix.Find(from.Name, to.Name)?.Outcome);
                pairs++;
            }
        }

        Assert.Equal(pairs, matrix.Count);
        Assert.Equal(pairs, matrix.Count());
        Assert.Equal(pairs, matrix.Outcomes.Sum(o => o.Pairs));
    }

    [Fact]
    public void A_loop_through_firewalls_that_spend_no_ttl_is_found_by_the_breadcrumbs()
    {
        var matrix = ReachabilityMatrix.Compute(FirewallsLoopingWithoutTtl());

        Assert.Equal(DropReason.Loop, matrix.Find("H1", "H3")!.Outcome.Reason);
        Assert.Equal(Verdict.Completed, matrix.Find("H1", "H2")!.Outcome.Verdict);
    }

    [Fact]
    public void Destinations_told_apart_only_after_the_first_hop_are_traced_and_the_alike_ones_share()
    {
        var matrix = ReachabilityMatrix.Compute(AlikeAtFirstHopApartLater());

        Assert.Equal("SYN dropped at R1 (no-route)", matrix.Find("H1", "H3-too")!.Description);
        Assert.Equal("SYN dropped at FW (acl-deny)", matrix.Find("H1", "H2-denied")!.Description);
        Assert.Equal("SYN dropped at R2 (neighbor-unreachable)", matrix.Find("H1", "H2-ghost")!.Description);
        Assert.Equal("reachable", matrix.Find("H1", "H2-other")!.Description);
        Assert.True(matrix.TracedPairs < matrix.Count, $"{matrix.TracedPairs} of {matrix.Count} pairs were traced");
    }

    [Fact]
    public void A_hub_and_spoke_costs_a_fixed_number_of_device_steps_per_branch_and_one_trace_per_outcome()
    {
        var small = ReachabilityMatrix.Compute(HubAndSpoke.Generate(20));
        var large = ReachabilityMatrix.Compute(HubAndSpoke.Generate(40));

        Assert.Equal(41 * 40, large.Count);
        Assert.Equal("ECHO dropped at Internet (private-address-on-internet)", large.Find("Host-3", "Host-17")!.Description);
        Assert.Equal("reachable", large.Find("Host-3", HubAndSpoke.Server)!.Description);
        Assert.Equal("reachable", large.Find(HubAndSpoke.Server, "Host-17")!.Description);

        // Twice the branches, four times the pairs, twice the work: branch-to-branch drops are played once per
        // branch, and the data centre's side of each branch's exchanges once per branch, not once per pair.
        var perBranch = (large.Diagnostics.StepsPlayed - small.Diagnostics.StepsPlayed) / 20.0;
        Assert.InRange(large.Diagnostics.StepsPlayed, 1, 40 * 40);
        Assert.Equal(2.0 * small.Diagnostics.StepsPlayed, large.Diagnostics.StepsPlayed, tolerance: 4 * perBranch);
        Assert.Equal(large.Outcomes.Count, large.TracedPairs);
    }

    [Fact]
    public void Pairs_that_fail_the_same_way_make_one_finding_that_counts_them()
    {
        const int sites = 100;

        var report = DesignAnalyzer.Validate(HubAndSpoke.Generate(sites));

        var noRoute = Assert.Single(report.Findings, f => f.Code == "NO_ROUTE");
        Assert.Equal("Internet", noRoute.Devices[0]);
        Assert.Contains($"The same happens to {(sites * (sites - 1)) - 1} other host pairs.", noRoute.Message);
    }

    [Fact]
    public void A_pair_looked_up_by_name_carries_its_own_exchange_and_outcome_and_a_host_with_itself_is_no_pair()
    {
        var matrix = ReachabilityMatrix.Compute(SeedTemplates.Asymmetric());

        var pair = matrix.Pair("LaptopB", "LaptopA");

        Assert.NotNull(pair);
        Assert.Equal(matrix.Single(e => e.From == "LaptopB" && e.To == "LaptopA"), pair);
        Assert.Same(matrix.Find("LaptopB", "LaptopA")!.Outcome, pair.Outcome);
        Assert.Null(matrix.Pair("LaptopA", "LaptopA"));
        Assert.Null(matrix.Pair("LaptopA", "Nobody"));
        Assert.True(matrix.HasHost("LaptopA"));
        Assert.False(matrix.HasHost("ASA"));
    }

    [Fact]
    public void A_matrix_larger_than_one_write_chunk_streams_as_one_valid_json_document_and_one_text_line_per_pair()
    {
        var matrix = ReachabilityMatrix.Compute(HubAndSpoke.Generate(40));
        var json = new StringWriter();
        var text = new StringWriter();

        AnalysisJson.Write(matrix, json);
        AnalysisText.Write(matrix, text);

        using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
        Assert.True(json.ToString().Length > 64 * 1024);
        Assert.Equal(matrix.Count, document.RootElement.GetProperty("pairs").GetArrayLength());
        Assert.EndsWith($"{2 * 40} of {matrix.Count} pairs reachable.\n", text.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_lan_of_look_alike_hosts_is_traced_once_per_pair_of_classes_not_once_per_pair_of_hosts()
    {
        const int hosts = 100;
        var matrix = ReachabilityMatrix.Compute(FlatLan.Generate(hosts));

        Assert.Equal((hosts + 1) * hosts, matrix.Count);
        Assert.True(matrix.AllReachable);
        // One class for the PCs: PC to PC, PC to server and server to PC are played once each, and the one outcome
        // is traced once for its example.
        Assert.Equal(1, matrix.TracedPairs);
        Assert.InRange(matrix.Diagnostics.StepsPlayed, 1, 40);
    }

    [Fact]
    public void A_lan_of_thousands_of_look_alike_hosts_is_still_one_class()
    {
        const int hosts = 3_000;

        var matrix = ReachabilityMatrix.Compute(FlatLan.Generate(hosts));

        Assert.Equal((long)(hosts + 1) * hosts, matrix.Count);
        Assert.True(matrix.AllReachable);
        Assert.Equal(1, matrix.TracedPairs);
        Assert.Equal("reachable", matrix.Find("PC-2999", "PC-0")!.Description);
    }
}
