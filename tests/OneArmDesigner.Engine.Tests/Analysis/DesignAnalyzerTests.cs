using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tests.Scenarios;

namespace OneArmDesigner.Engine.Tests.Analysis;

public sealed class DesignAnalyzerTests
{
    private static Finding Single(ValidationReport report, string code) =>
        report.Findings.FirstOrDefault(f => f.Code == code)
        ?? throw new Xunit.Sdk.XunitException($"No {code}; findings were: {string.Join(", ", report.Findings.Select(f => f.Code))}");

    [Fact]
    public void The_broken_seed_design_has_asymmetric_routing_through_the_stateful_ASA_with_the_transit_vlan_fix_offered()
    {
        var report = DesignAnalyzer.Validate(Networks.Broken);

        var finding = Single(report, "ASYMMETRIC_ROUTING_STATEFUL");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("ASA", finding.Devices);
        Assert.Contains("MX80-B", finding.Devices);
        Assert.Contains("%ASA-6-106015", finding.Evidence);
        Assert.Contains(finding.Fixes, f => f.Id == "move-concentrator-to-transit-vlan:MX80-B");
        Assert.Contains(finding.Fixes, f => f.Id == "enable-tcp-state-bypass:ASA");
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void The_asymmetry_finding_names_the_interface_where_the_reply_died_and_the_cables_the_exchange_crossed()
    {
        var design = Networks.Broken;
        var finding = Single(DesignAnalyzer.Validate(design), "ASYMMETRIC_ROUTING_STATEFUL");

        Assert.Equal(["ASA:inside"], finding.Interfaces);
        int CableOf(string device) => design.Links.Select((link, index) => (link, index)).Single(x => x.link.A.Device == device).index;
        Assert.Contains(CableOf("MX80-B"), finding.Links);
        Assert.Contains(CableOf("LaptopB"), finding.Links);
        Assert.Contains(CableOf("LaptopA"), finding.Links);
    }

    [Fact]
    public void Structural_findings_name_their_interfaces()
    {
        var design = Networks.Broken;
        var doubled = design with
        {
            Devices = [.. design.Devices.Select(d => d.Name == "LaptopB"
                ? d with { Interfaces = [d.Interfaces[0] with { Address = OneArmDesigner.Domain.Addressing.Ipv4Prefix.Parse("192.168.1.2/24") }] }
                : d)],
        };

        var finding = Single(DesignAnalyzer.Validate(doubled), "DUPLICATE_ADDRESS");

        Assert.Equal(["MX80-B:wan", "LaptopB:eth0"], finding.Interfaces);
    }

    [Fact]
    public void The_transit_vlan_fix_turns_the_broken_design_into_one_where_the_handshake_completes_and_nothing_is_an_error()
    {
        var original = Networks.Broken;

        var result = DesignFixes.Apply(original, "move-concentrator-to-transit-vlan:MX80-B");

        Assert.True(result.Succeeded, result.Error);
        var fixedDesign = result.Design!;
        Assert.True(Simulator.Run(fixedDesign, new Flow("LaptopA", "LaptopB", DestinationPort: 3389)).Completed);
        var report = DesignAnalyzer.Validate(fixedDesign);
        Assert.Empty(report.Findings);
        Assert.Equal("192.168.1.2/24", original.GetDevice("MX80-B").Interfaces[0].Address.ToString());
        Assert.Equal("172.16.1.2/24", fixedDesign.GetDevice("MX80-B").Interfaces[0].Address.ToString());
        Assert.Empty(OneArmDesigner.Domain.Documents.DesignConsistency.Check(fixedDesign));
    }

    [Fact]
    public void The_fixed_seed_design_has_no_findings_at_all_tunnels_are_not_mistaken_for_asymmetry()
    {
        var report = DesignAnalyzer.Validate(Networks.Fixed);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Different_paths_there_and_back_with_nothing_stateful_are_a_warning()
    {
        // Replace the ASA's stateful checks: the broken design's paths still differ, but nothing drops them.
        var design = Networks.Broken.WithFirewall("ASA", f => f with { Stateful = false, SameSecurityIntraInterface = true });

        var finding = Single(DesignAnalyzer.Validate(design), "ASYMMETRIC_ROUTING");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("ASA", finding.Evidence);
    }

    [Fact]
    public void The_tcp_state_bypass_alternative_also_lets_the_handshake_complete()
    {
        var result = DesignFixes.Apply(Networks.Broken, "enable-tcp-state-bypass:ASA");

        Assert.True(Simulator.Run(result.Design!, new Flow("LaptopA", "LaptopB", DestinationPort: 3389)).Completed);
        Assert.True(result.Design!.GetDevice("ASA").Firewall!.SameSecurityIntraInterface);
    }

    [Fact]
    public void Hairpinning_without_same_security_traffic_is_found_and_fixable()
    {
        var report = DesignAnalyzer.Validate(Networks.Broken);

        var hairpin = Single(report, "HAIRPIN_WITHOUT_SAME_SECURITY");
        var fixedDesign = DesignFixes.Apply(Networks.Broken, hairpin.Fixes.Single().Id).Design!;
        Assert.DoesNotContain(DesignAnalyzer.Validate(fixedDesign).Findings, f => f.Code == "HAIRPIN_WITHOUT_SAME_SECURITY");
    }

    [Fact]
    public void A_missing_port_forward_makes_the_vpn_peer_unreachable()
    {
        var report = DesignAnalyzer.Validate(Networks.Fixed.WithFirewall("ASA", f => f with { Nat = [] }));

        Assert.Equal(Severity.Error, Single(report, "VPN_PEER_UNREACHABLE").Severity);
    }

    [Fact]
    public void A_gateway_without_the_route_to_the_remote_site_is_reported_and_the_fix_adds_it()
    {
        var design = Networks.Fixed.WithoutRoute("ASA", "10.0.0.0/24");

        var finding = Single(DesignAnalyzer.Validate(design), "CONCENTRATOR_NOT_ROUTED");
        var repaired = DesignFixes.Apply(design, finding.Fixes.Single().Id).Design!;

        Assert.True(Simulator.Run(repaired, new Flow("LaptopA", "LaptopB", DestinationPort: 3389)).Completed);
    }

    [Fact]
    public void Structural_problems_are_reported_with_their_devices()
    {
        var report = DesignAnalyzer.Validate(Networks.Fixed
            .WithDevice("LaptopA", d => d with { Interfaces = [d.Interfaces[0] with { Address = Ipv4Prefix.Parse("10.0.0.1/24") }] })
            .WithDevice("MX80-B", d => d with { Mx = d.Mx! with { Nat = true, AdvertisedSubnets = [.. d.Mx.AdvertisedSubnets, Ipv4Prefix.Parse("10.0.0.0/16")] } }));

        Assert.Contains("LaptopA", Single(report, "DUPLICATE_ADDRESS").Devices);
        Assert.Contains("MX80-A", Single(report, "DUPLICATE_ADDRESS").Devices);
        Assert.Equal(["MX80-B"], Single(report, "PASSTHROUGH_MISCONFIGURED").Devices);
        Assert.Contains("MX80-B", Single(report, "VPN_SUBNET_OVERLAP").Devices);
    }

    [Fact]
    public void An_unconnected_device_is_reported()
    {
        var design = Networks.Fixed with { Devices = [.. Networks.Fixed.Devices, new Device("Spare", DeviceKind.Router, new Position(0, 0), [], [])] };

        Assert.Equal(["Spare"], Single(DesignAnalyzer.Validate(design), "UNCONNECTED_DEVICE").Devices);
    }

    [Fact]
    public void An_unknown_fix_is_refused_with_a_reason()
    {
        var result = DesignFixes.Apply(Networks.Broken, "paint-it-blue:ASA");

        Assert.False(result.Succeeded);
        Assert.Contains("'paint-it-blue:ASA' is not a fix", result.Error);
    }

    [Fact]
    public void The_matrix_gives_both_directions_with_the_reason_of_each_failure()
    {
        var broken = ReachabilityMatrix.Compute(Networks.Broken);
        var fixedDesign = ReachabilityMatrix.Compute(Networks.Fixed);

        var aToB = broken.Single(e => e.From == "LaptopA" && e.To == "LaptopB");
        Assert.False(aToB.Reachable);
        Assert.Equal("SYN-ACK dropped at ASA (no-session)", ReachabilityMatrix.Describe(aToB));
        Assert.Equal(2, broken.Count);
        Assert.All(fixedDesign, e => Assert.True(e.Reachable, ReachabilityMatrix.Describe(e)));
    }
}
