using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine;

/// <summary>
/// Plays whole exchanges over a compiled network: TCP SYN → SYN-ACK → ACK (or RST from a closed port), UDP request
/// → reply (or an ICMP port unreachable from a closed port), ICMP echo → reply. The packets of one exchange share the devices' session tables, as in a real network.
/// Deterministic: the same network and flow always give the same result.
/// </summary>
public static class Simulator
{
    /// <summary>The packet kind of the ICMP port unreachable a host answers a UDP datagram to a closed port with.</summary>
    public const string PortUnreachableKind = "PORT-UNREACHABLE";

    /// <summary>Compiles and runs in one call; prefer compiling once when tracing many flows.</summary>
    public static ExchangeResult Run(Design design, Flow flow) => Run(NetworkCompiler.Compile(design), flow);

    /// <summary>Every reason this flow cannot be simulated on this network (unknown hosts, no address...), each naming its field.</summary>
    public static IReadOnlyList<string> Check(CompiledNetwork network, Flow flow)
    {
        var problems = new List<string>();
        CheckEndpoint(network, flow.From, "from", problems);
        CheckEndpoint(network, flow.To, "to", problems);
        if (flow.From == flow.To && problems.Count == 0)
        {
            problems.Add($"to: '{flow.To}' is the same host as from; pick two different hosts");
        }

        if (flow.Protocol == Protocol.Any)
        {
            problems.Add("protocol: use tcp, udp or icmp");
        }

        if (flow.Protocol != Protocol.Icmp && flow.DestinationPort is < 1 or > 65535)
        {
            problems.Add($"port: {flow.DestinationPort} is not a port; use 1 to 65535");
        }

        if (flow.SourcePort is < 1 or > 65535)
        {
            problems.Add($"sourcePort: {flow.SourcePort} is not a port; use 1 to 65535");
        }

        if (flow.Ttl is < 1 or > 255)
        {
            problems.Add($"ttl: {flow.Ttl} is not a TTL; use 1 to 255");
        }

        return problems;
    }

    public static ExchangeResult Run(CompiledNetwork network, Flow flow)
    {
        var problems = Check(network, flow);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The flow cannot be simulated: " + string.Join("; ", problems), nameof(flow));
        }

        var walker = new PacketWalker(network, new SimulationState());
        var (clientNode, serverNode) = (network.Get(flow.From), network.Get(flow.To));
        var client = AddressOf(clientNode);
        var server = AddressOf(serverNode);
        var clientTtl = flow.Ttl ?? InitialTtlOf(clientNode);
        var packets = new List<PacketTrace>(3);
        var (protocol, firstKind, firstFlags) = flow.Protocol switch
        {
            Protocol.Tcp => (Protocol.Tcp, "SYN", TcpFlags.Syn),
            Protocol.Udp => (Protocol.Udp, "UDP", TcpFlags.None),
            _ => (Protocol.Icmp, "ECHO", TcpFlags.None),
        };
        var port = flow.Protocol == Protocol.Icmp ? 0 : flow.DestinationPort;
        var sourcePort = flow.Protocol == Protocol.Icmp ? 0 : flow.SourcePort;
        var echo = protocol == Protocol.Icmp ? IcmpMessage.EchoRequest : null;

        var request = walker.Walk(firstKind, clientNode, new Packet(new PacketHeader(protocol, client, sourcePort, server, port, firstFlags, clientTtl, echo)));
        packets.Add(request);
        if (request.Delivered)
        {
            var seenByServer = Arrived(request);
            var replyKind = (protocol, ServerListens(serverNode, flow)) switch
            {
                (Protocol.Tcp, true) => "SYN-ACK",
                (Protocol.Tcp, false) => "RST",
                (Protocol.Udp, _) => "UDP-REPLY",
                _ => "ECHO-REPLY",
            };
            var replyFlags = replyKind switch { "SYN-ACK" => TcpFlags.Syn | TcpFlags.Ack, "RST" => TcpFlags.Rst | TcpFlags.Ack, _ => TcpFlags.None };
            var replyIcmp = protocol == Protocol.Icmp ? IcmpMessage.EchoReply : null;
            var reply = walker.Walk(replyKind, serverNode, new Packet(Answer(seenByServer, replyFlags, InitialTtlOf(serverNode), replyIcmp)));
            packets.Add(reply);

            if (replyKind == "SYN-ACK" && reply.Delivered)
            {
                packets.Add(walker.Walk("ACK", clientNode, new Packet(Answer(Arrived(reply), TcpFlags.Ack, clientTtl))));
            }
        }
        else if (request.Reason == DropReason.PortClosed && network.Find(request.DropDevice!) is { } closed)
        {
            // The host's stack answers a datagram nobody listens for, as it answers a SYN to a closed port with a RST.
            packets.Add(walker.Walk(PortUnreachableKind, closed, new Packet(PortUnreachable(Arrived(request), InitialTtlOf(closed)))));
        }

        var verdict = AllDelivered(packets) && packets[^1].Kind != "RST" ? Verdict.Completed : Verdict.Failed;
        return new ExchangeResult(flow, verdict, packets, ExchangeSummary.Describe(network, flow, verdict, packets));
    }

    /// <summary>The header as the receiving host saw it (after any NAT on the way).</summary>
    private static PacketHeader Arrived(PacketTrace trace) => trace.FinalPacket.Inner;

    /// <summary>A reply goes back to whoever the packet appeared to come from.</summary>
    private static PacketHeader Answer(PacketHeader received, TcpFlags flags, int ttl, IcmpMessage? icmp = null) =>
        new(received.Protocol, received.Destination, received.DestinationPort, received.Source, received.SourcePort, flags, ttl, icmp);

    /// <summary>The ICMP error a host sends about a datagram to a port it does not listen on, quoting that datagram.</summary>
    private static PacketHeader PortUnreachable(PacketHeader received, int ttl) =>
        new(Protocol.Icmp, received.Destination, 0, received.Source, 0, TcpFlags.None, ttl, IcmpMessage.PortUnreachable(received.Key));

    private static int InitialTtlOf(NetworkNode host) => host.Device.Host?.InitialTtl ?? HostSettings.DefaultTtl;

    private static bool ServerListens(NetworkNode server, Flow flow) =>
        flow.Protocol != Protocol.Tcp || server.Device.Host?.TcpPorts.Contains(flow.DestinationPort) == true;

    private static Ipv4Address AddressOf(NetworkNode node) => FirstAddress(node)!.Value;

    // Loops rather than LINQ here and below: Run is the hot path of bulk simulation, and these ran on every exchange.
    private static Ipv4Address? FirstAddress(NetworkNode node)
    {
        var interfaces = node.Device.Interfaces;
        for (var i = 0; i < interfaces.Count; i++)
        {
            if (interfaces[i].Address is { } prefix)
            {
                return prefix.Address;
            }
        }

        return null;
    }

    private static bool AllDelivered(List<PacketTrace> packets)
    {
        foreach (var packet in packets)
        {
            if (!packet.Delivered)
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckEndpoint(CompiledNetwork network, string name, string field, List<string> problems)
    {
        var node = network.Find(name);
        if (node is null)
        {
            var hosts = string.Join(", ", network.Nodes.Where(n => n.Kind.IsEndpoint()).Select(n => n.Name));
            problems.Add($"{field}: '{name}' is not a device in this design" + (hosts.Length > 0 ? $"; hosts are {hosts}" : ""));
        }
        else if (!node.Kind.IsEndpoint())
        {
            problems.Add($"{field}: '{name}' is a {node.Kind.DisplayName()}; flows start and end at hosts or servers");
        }
        else if (FirstAddress(node) is null)
        {
            problems.Add($"{field}: '{name}' has no IPv4 address");
        }
    }
}
