using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Import.Emit;

namespace OneArmDesigner.Import.Tests;

/// <summary>
/// How the fidelity options read in an exported configuration: the lines an ASA engineer would type for ICMP
/// inspection, TTL decrement, no-proxy-arp, port ranges, source ports and ICMP messages. (That they mean the same once
/// imported again is the round-trip property's job.)
/// </summary>
public sealed class AsaExportTests
{
    private static Design WithAsa(Func<FirewallSettings, FirewallSettings> change)
    {
        var design = SeedTemplates.TransitVlan();
        return design with { Devices = [.. design.Devices.Select(d => d.Name == "ASA" ? d with { Firewall = change(d.Firewall!) } : d)] };
    }

    private static string[] Exported(Func<FirewallSettings, FirewallSettings> change) =>
        AsaConfigWriter.Write(WithAsa(change), "ASA").Configuration.ReplaceLineEndings("\n").Split('\n');

    private static AclRule Rule(Protocol protocol, PortRange? destination = null, PortRange? source = null, int? type = null, int? code = null) =>
        new("outside", AclAction.Permit, protocol, Ipv4Prefix.Default, Ipv4Prefix.Parse("203.0.113.2/32"), destination, source, type, code);

    [Fact]
    public void Inspect_icmp_joins_the_default_inspection_class_and_decrement_ttl_applies_to_all_traffic()
    {
        var lines = Exported(f => f with { InspectIcmp = true, DecrementTtl = true });

        var policy = lines.SkipWhile(l => l != "policy-map global_policy").TakeWhile(l => l != "!").ToList();
        Assert.Contains("  inspect icmp", policy.SkipWhile(l => l != " class inspection_default").TakeWhile(l => l == " class inspection_default" || l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.Equal([" class class-default", "  set connection decrement-ttl"], policy[^2..]);
    }

    [Fact]
    public void A_default_ASA_writes_neither()
    {
        var lines = Exported(f => f);

        Assert.DoesNotContain("  inspect icmp", lines);
        Assert.DoesNotContain(lines, l => l.Contains("decrement-ttl", StringComparison.Ordinal));
    }

    [Fact]
    public void No_proxy_arp_ends_the_NAT_statement_of_a_static_NAT_or_port_forward()
    {
        var lines = Exported(f => f with
        {
            Nat =
            [
                new NatRule(NatKind.Static, "outside", PublicAddress: Ipv4Address.Parse("203.0.113.10"), PrivateAddress: Ipv4Address.Parse("192.168.10.10"), NoProxyArp: true),
                .. f.Nat.Select(n => n.Kind == NatKind.PortForward ? n with { NoProxyArp = true } : n),
            ],
        });

        Assert.Contains("nat (any,outside) source static obj-192.168.10.10 obj-203.0.113.10 no-proxy-arp", lines);
        Assert.Contains(lines, l => l.StartsWith("nat (", StringComparison.Ordinal) && l.Contains(" service svc-udp-4500 svc-udp-4500 no-proxy-arp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Protocol.Tcp, 443, 443, null, null, "permit tcp any host 203.0.113.2 eq https")]
    [InlineData(Protocol.Tcp, 1, 1023, null, null, "permit tcp any host 203.0.113.2 lt 1024")]
    [InlineData(Protocol.Udp, 1024, 65535, null, null, "permit udp any host 203.0.113.2 gt 1023")]
    [InlineData(Protocol.Udp, 5000, 5010, null, null, "permit udp any host 203.0.113.2 range 5000 5010")]
    [InlineData(Protocol.Tcp, 1, 65535, null, null, "permit tcp any host 203.0.113.2 range 1 65535")]
    [InlineData(Protocol.Udp, null, null, 123, 123, "permit udp any eq ntp host 203.0.113.2")]
    [InlineData(Protocol.Tcp, 22, 22, 1024, 65535, "permit tcp any gt 1023 host 203.0.113.2 eq ssh")]
    public void Ports_read_as_the_ASA_operator_they_stand_for(Protocol protocol, int? from, int? to, int? sourceFrom, int? sourceTo, string expected)
    {
        var rule = Rule(protocol, from is null ? null : new PortRange(from.Value, to!.Value), sourceFrom is null ? null : new PortRange(sourceFrom.Value, sourceTo!.Value));

        Assert.Contains("access-list outside_access_in extended " + expected, Exported(f => f with { Acl = [rule] }));
    }

    [Fact]
    public void ICMP_messages_read_as_the_type_keyword_and_the_code_number()
    {
        var lines = Exported(f => f with { Acl = [Rule(Protocol.Icmp, type: IcmpTypes.EchoReply), Rule(Protocol.Icmp, type: IcmpTypes.Unreachable, code: 4), Rule(Protocol.Icmp, type: 42)] });

        Assert.Equal(
            ["permit icmp any host 203.0.113.2 echo-reply", "permit icmp any host 203.0.113.2 unreachable 4", "permit icmp any host 203.0.113.2 42"],
            lines.Where(l => l.StartsWith("access-list outside_access_in", StringComparison.Ordinal)).Select(l => l["access-list outside_access_in extended ".Length..]));
    }

    [Fact]
    public void Ports_on_any_protocol_are_a_tcp_line_and_a_udp_line()
    {
        var lines = Exported(f => f with { Acl = [Rule(Protocol.Any, destination: 53)] });

        Assert.Contains("access-list outside_access_in extended permit tcp any host 203.0.113.2 eq domain", lines);
        Assert.Contains("access-list outside_access_in extended permit udp any host 203.0.113.2 eq domain", lines);
    }
}
