using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Endpoints;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;
using OneArmDesigner.Import.Emit;

namespace OneArmDesigner.Import.Tests;

/// <summary>
/// The round-trip property: for random designs, writing every firewall as an ASA configuration and importing those
/// configurations again gives a design in which every host pair's TCP, UDP and ICMP exchanges end exactly as before:
/// same verdict, and packet for packet the same kind, disposition, reason, dropping device, vendor log line and the
/// TTL a delivered packet arrives with. Hosts are not in configurations, so the imported design is simulated by address.
/// </summary>
public sealed class RoundTripTests
{
    private const int Designs = 60;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= Designs; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Exporting_each_firewall_and_importing_the_configurations_changes_no_exchange(int seed)
    {
        var design = RandomFirewallDesigns.Create(seed);
        var configurations = design.Devices.Where(d => d.Firewall is not null)
            .Select(d => ImportFile.FromText($"{d.Name}.cfg", AsaConfigWriter.Write(design, d.Name).Configuration)).ToList();

        var imported = ConfigurationImporter.Import(configurations, null);

        Assert.True(imported.Succeeded, $"seed {seed}: " + string.Join("; ", imported.Problems));
        Assert.Equal(0, imported.Report!.NotModelledCount);
        var hosts = design.Devices.Where(d => d.Kind.IsEndpoint()).ToList();
        var compared = 0;
        foreach (var from in hosts)
        {
            foreach (var to in hosts.Where(h => h != from))
            {
                foreach (var (protocol, port, sourcePort) in Flows(to))
                {
                    var expected = Simulator.Run(design, new Flow(from.Name, to.Name, protocol, port, sourcePort));
                    var addressed = AddressedFlows.Resolve(imported.Design!, Address(from), Address(to), protocol, port, sourcePort);
                    Assert.True(addressed.Succeeded, $"seed {seed}, {from.Name} → {to.Name}: " + string.Join("; ", addressed.Problems));
                    var simulated = ListeningAs(addressed.Design, addressed.Flow!.To, to);
                    var actual = Simulator.Run(simulated, addressed.Flow!);
                    Assert.True(Outcome(expected, design) == Outcome(actual, simulated),
                        $"seed {seed}, {expected.Flow}:\n  designed: {Outcome(expected, design)}\n  imported: {Outcome(actual, simulated)}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 0);
    }

    [Fact]
    public void The_random_designs_exercise_what_the_property_is_about()
    {
        var all = Enumerable.Range(1, Designs).Select(RandomFirewallDesigns.Create).SelectMany(d => d.Devices).Where(d => d.Firewall is not null).ToList();

        Assert.Contains(all, d => d.Firewall!.Nat.Any(n => n.Kind == NatKind.PortForward));
        Assert.Contains(all, d => d.Firewall!.Nat.Any(n => n.Kind == NatKind.Static));
        Assert.Contains(all, d => d.Firewall!.Nat.Any(n => n.Kind == NatKind.Pat));
        Assert.Contains(all, d => d.Firewall!.Acl.Any(a => a.Action == AclAction.Deny));
        Assert.Contains(all, d => d.Firewall!.TcpStateBypass.Count > 0);
        Assert.Contains(all, d => d.Firewall!.SameSecurityInterInterface);
        Assert.Contains(all, d => d.Routes.Count > 1);
        Assert.Contains(all, d => d.Firewall!.Acl.Any(a => a.SourcePort is not null));
        Assert.Contains(all, d => d.Firewall!.Acl.Any(a => a.DestinationPort is { IsSinglePort: false }));
        Assert.Contains(all, d => d.Firewall!.Acl.Any(a => a.IcmpCode is not null));
        Assert.Contains(all, d => d.Firewall!.Acl.Any(a => a.IcmpType is not null && a.IcmpCode is null));
        Assert.Contains(all, d => d.Firewall!.Nat.Any(n => n.NoProxyArp));
        Assert.Contains(all, d => d.Firewall!.InspectIcmp);
        Assert.Contains(all, d => d.Firewall!.DecrementTtl);
    }

    private static IEnumerable<(Protocol, int, int)> Flows(Device to) =>
    [
        .. (to.Host?.TcpPorts ?? []).Take(1).Select(p => (Protocol.Tcp, p, Flow.DefaultSourcePort)),
        (Protocol.Udp, RandomFirewallDesigns.UdpPort, RandomFirewallDesigns.UdpSourcePort),
        (Protocol.Icmp, 0, Flow.DefaultSourcePort),
    ];

    /// <summary>
    /// The imported design with the destination answering on the ports the designed host answers on, no more: simulate
    /// by address has it listen on the port asked for, and a closed port (a UDP port unreachable) is part of the property.
    /// </summary>
    private static Design ListeningAs(Design imported, string placed, Device designed) =>
        imported with { Devices = [.. imported.Devices.Select(d => d.Name == placed ? d with { Host = designed.Host } : d)] };

    private static string Address(Device host) => host.Interfaces[0].Address!.Value.Address.ToString();

    /// <summary>What happened, with hosts named by their address (the imported design names them so).</summary>
    private static string Outcome(ExchangeResult result, Design design)
    {
        string Name(string? device) => device is not null && design.FindDevice(device) is { } d && d.Kind.IsEndpoint() ? Address(d) : device ?? "-";
        string Arrival(PacketTrace packet) => packet.Delivered ? $"ttl {packet.Steps.Last().After.Inner.Ttl}" : "";
        return $"{result.Verdict}: " + string.Join(" | ", result.Packets.Select(p => $"{p.Kind} {p.Disposition} {p.Reason?.ToJsonName()} at {Name(p.DropDevice)} {p.Log} {Arrival(p)}"));
    }
}
