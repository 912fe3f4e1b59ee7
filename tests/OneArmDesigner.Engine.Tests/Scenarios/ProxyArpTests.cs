using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>
/// A firewall receives traffic for its mapped (NAT) addresses like its own: it answers ARP for those on the outside
/// subnet unless told no-proxy-arp, and the Internet delivers to them.
/// </summary>
public sealed class ProxyArpTests
{
    private static readonly Flow WebToRemote = new("Web", "Remote", DestinationPort: 22);

    [Fact]
    public void Replies_to_a_DMZ_server_published_on_the_outside_subnet_come_back_to_the_ASA_by_proxy_ARP()
    {
        var result = Simulator.Run(EdgeNetwork.Design(), WebToRemote);

        Assert.Equal(Verdict.Completed, result.Verdict);
        var synAck = result.Packet("SYN-ACK");
        Assert.Equal(EdgeNetwork.MappedWeb, synAck.StepAt("Remote", StepAction.Send).Before.Inner.Destination.ToString());
        Assert.Equal("ASA", synAck.StepAt("Internet", StepAction.Forward).Crossing!.ToDevice);
        Assert.Equal("172.16.0.10", synAck.StepAt("Web", StepAction.Deliver).Before.Inner.Destination.ToString());
    }

    [Fact]
    public void With_no_proxy_arp_nobody_on_the_outside_subnet_answers_for_the_mapped_address()
    {
        var design = EdgeNetwork.Design(f => f with { Nat = [.. f.Nat.Select(n => n.Kind == NatKind.Static ? n with { NoProxyArp = true } : n)] });

        var synAck = Simulator.Run(design, WebToRemote).Packet("SYN-ACK");

        synAck.ShouldBeDroppedAt("Internet", DropReason.NoRoute);
        Assert.Contains("No device attached to the Internet in this design has the address 203.0.113.133", synAck.Summary);
    }

    [Fact]
    public void A_mapped_address_on_a_subnet_of_its_own_is_routed_to_the_firewall_by_the_Internet_even_without_proxy_ARP()
    {
        var design = EdgeNetwork.Design(f => f with
        {
            Nat = [.. f.Nat.Select(n => n.Kind == NatKind.Static ? n with { PublicAddress = Ipv4Address.Parse("192.0.2.80"), NoProxyArp = true } : n)],
        });

        var result = Simulator.Run(design, WebToRemote);

        Assert.Equal(Verdict.Completed, result.Verdict);
    }

    /// <summary>The ASA's outside on a VLAN it shares with an upstream router, behind which Remote sits.</summary>
    private static Design BehindARouter(bool noProxyArp) => EdgeNetwork.Builder()
        .RemoveLink("ASA:outside", "Internet").RemoveLink("Remote:eth0", "Internet")
        .Vlan("Edge", 30, "203.0.113.0/24").Vlan("Far", 40, "198.51.100.0/24")
        .Router("Upstream", 0, 0, ("inside", "203.0.113.1/24"), ("far", "198.51.100.1/24"))
        .Link("ASA:outside", "Edge").Link("Upstream:inside", "Edge").Link("Upstream:far", "Far").Link("Remote:eth0", "Far")
        .ConfigureFirewall("ASA", f => f with { Nat = [.. f.Nat.Select(n => n.Kind == NatKind.Static ? n with { NoProxyArp = noProxyArp } : n)] })
        .Build();

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_router_on_the_outside_VLAN_reaches_the_mapped_address_only_while_the_ASA_proxy_ARPs_for_it(bool noProxyArp, bool completes)
    {
        var result = Simulator.Run(BehindARouter(noProxyArp), WebToRemote);

        if (completes)
        {
            Assert.Equal(Verdict.Completed, result.Verdict);
            Assert.Equal("ARP: 203.0.113.133 is ASA:outside", result.Packet("SYN-ACK").StepAt("Upstream", StepAction.Forward).Evidence);
            return;
        }

        result.Packet("SYN-ACK").ShouldBeDroppedAt("Upstream", DropReason.NeighborUnreachable);
        Assert.Contains("No device on Edge answers ARP for the next hop 203.0.113.133", result.Packet("SYN-ACK").Summary);
    }

    [Fact]
    public void Traffic_to_a_mapped_address_that_no_rule_translates_is_refused_by_the_firewall_not_bounced_back_out()
    {
        // MX80-B is told to give peers 203.0.113.133 as its public address, but the ASA maps that address for HTTPS only.
        var design = Networks.Fixed
            .WithDevice("MX80-B", d => d with { Mx = d.Mx! with { PublicAddress = Ipv4Address.Parse(EdgeNetwork.MappedWeb) } })
            .WithFirewall("ASA", f => f with
            {
                Nat = [.. f.Nat, new NatRule(NatKind.PortForward, "outside", Protocol.Tcp, Ipv4Address.Parse(EdgeNetwork.MappedWeb), 443, Ipv4Address.Parse("192.168.1.3"))],
                Acl = [.. f.Acl, EdgeNetwork.Permit("outside", Protocol.Udp, "0.0.0.0/0", EdgeNetwork.MappedWeb + "/32", destinationPort: 4500)],
            });

        var syn = Simulator.Run(design, new Flow("LaptopA", "LaptopB", DestinationPort: 3389)).Packet("SYN");

        syn.ShouldBeDroppedAt("ASA", DropReason.VpnDown);
        Assert.Contains("203.0.113.133, a mapped address of ASA, and none of ASA's NAT rules for it takes UDP port 4500", syn.Summary);
    }
}
