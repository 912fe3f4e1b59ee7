using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>
/// An exchange in progress, one device at a time: the request, then the reply from whoever received it, then (for
/// TCP) the initiator's ACK, sharing the devices' session tables. <see cref="Simulator.Run(CompiledNetwork, Flow)"/>
/// plays it to the end; the analysis steps it device by device.
/// </summary>
internal sealed class ExchangeCursor
{
    private readonly CompiledNetwork _network;
    private readonly PacketWalker _walker;
    private readonly List<PacketTrace> _packets = new(3);

    /// <summary>Starts the flow's request at its source host.</summary>
    public ExchangeCursor(CompiledNetwork network, Flow flow, IHopObserver? observer = null)
        : this(network, flow, new SimulationState(), ExchangePhase.Request, observer)
    {
        var header = new PacketHeader(Protocol, AddressOf(Client), SourcePort, AddressOf(Server), DestinationPort, FirstFlags(Protocol),
            ClientTtl, Protocol == Protocol.Icmp ? IcmpMessage.EchoRequest : null);
        Walk = PacketWalker.Begin(FirstKind(Protocol), Client, new Packet(header));
    }

    /// <summary>Resumes an exchange in <paramref name="phase"/>; the caller sets <see cref="Walk"/>.</summary>
    public ExchangeCursor(CompiledNetwork network, Flow flow, SimulationState state, ExchangePhase phase, IHopObserver? observer = null)
    {
        _network = network;
        State = state;
        _walker = new PacketWalker(network, state) { Observer = observer };
        Flow = flow;
        Phase = phase;
        Client = network.Get(flow.From);
        Server = network.Get(flow.To);
        Protocol = flow.Protocol switch { Protocol.Tcp => Protocol.Tcp, Protocol.Udp => Protocol.Udp, _ => Protocol.Icmp };
        DestinationPort = Protocol == Protocol.Icmp ? 0 : flow.DestinationPort;
        SourcePort = Protocol == Protocol.Icmp ? 0 : flow.SourcePort;
    }

    public Flow Flow { get; }

    public NetworkNode Client { get; }

    public NetworkNode Server { get; }

    public Protocol Protocol { get; }

    public int SourcePort { get; }

    public int DestinationPort { get; }

    public SimulationState State { get; }

    /// <summary>The TTL the initiator's packets start with: the flow's, or the client host's own.</summary>
    private int ClientTtl => Flow.Ttl ?? InitialTtlOf(Client);

    public ExchangePhase Phase { get; private set; }

    /// <summary>The packet on its way; null once the exchange is over.</summary>
    public PacketWalk? Walk { get; set; }

    /// <summary>The packets that have finished, in order.</summary>
    public IReadOnlyList<PacketTrace> Packets => _packets;

    /// <summary>Set once the exchange is over.</summary>
    public Verdict? Verdict { get; private set; }

    /// <summary>Moves the current packet one device on; when it finishes, starts the next packet or ends the exchange.</summary>
    /// <returns>The packet that finished on this step, if one did.</returns>
    public PacketTrace? Step()
    {
        var walk = Walk ?? throw new InvalidOperationException("The exchange is over.");
        if (_walker.Step(walk) is not { } finished)
        {
            return null;
        }

        _packets.Add(finished);
        var failedBefore = _packets.Count > 1 && !_packets[0].Delivered;
        Walk = finished.Delivered ? Next(finished, walk) : PortUnreachableFor(finished, walk);
        if (Walk is null)
        {
            Verdict = finished.Delivered && !failedBefore && finished.Kind != "RST"
                ? Tracing.Verdict.Completed
                : Tracing.Verdict.Failed;
        }

        return finished;
    }

    public ExchangeResult Result()
    {
        var verdict = Verdict ?? throw new InvalidOperationException("The exchange is still in progress.");
        return new ExchangeResult(_network, Flow, verdict, _packets);
    }

    /// <summary>The packet that answers a delivered one: the reply from the server, then the client's ACK (on the finished walk).</summary>
    private PacketWalk? Next(PacketTrace delivered, PacketWalk finished)
    {
        var seen = delivered.FinalPacket.Inner;
        switch (Phase)
        {
            case ExchangePhase.Request:
                Phase = ExchangePhase.Reply;
                var kind = (Protocol, ServerListens()) switch
                {
                    (Protocol.Tcp, true) => "SYN-ACK",
                    (Protocol.Tcp, false) => "RST",
                    (Protocol.Udp, _) => "UDP-REPLY",
                    _ => "ECHO-REPLY",
                };
                var flags = kind switch { "SYN-ACK" => TcpFlags.Syn | TcpFlags.Ack, "RST" => TcpFlags.Rst | TcpFlags.Ack, _ => TcpFlags.None };
                var icmp = Protocol == Protocol.Icmp ? IcmpMessage.EchoReply : null;
                return finished.Restart(kind, Server, new Packet(Answer(seen, flags, InitialTtlOf(Server), icmp)));
            case ExchangePhase.Reply when delivered.Kind == "SYN-ACK":
                Phase = ExchangePhase.Ack;
                return finished.Restart("ACK", Client, new Packet(Answer(seen, TcpFlags.Ack, ClientTtl)));
            default:
                return null;
        }
    }

    /// <summary>
    /// A request dropped because nothing listens on its UDP port is answered by the host's stack with an ICMP port
    /// unreachable quoting it, as a SYN to a closed port is answered with a RST.
    /// </summary>
    private PacketWalk? PortUnreachableFor(PacketTrace dropped, PacketWalk finished)
    {
        if (Phase != ExchangePhase.Request || dropped.Reason != DropReason.PortClosed || _network.Find(dropped.DropDevice!) is not { } closed)
        {
            return null;
        }

        Phase = ExchangePhase.PortUnreachable;
        var received = dropped.FinalPacket.Inner;
        var error = new PacketHeader(Protocol.Icmp, received.Destination, 0, received.Source, 0, TcpFlags.None, InitialTtlOf(closed),
            IcmpMessage.PortUnreachable(received.Key));
        return finished.Restart(Simulator.PortUnreachableKind, closed, new Packet(error));
    }

    /// <summary>A reply goes back to whoever the packet appeared to come from.</summary>
    private static PacketHeader Answer(PacketHeader received, TcpFlags flags, int ttl, IcmpMessage? icmp = null) =>
        new(received.Protocol, received.Destination, received.DestinationPort, received.Source, received.SourcePort, flags, ttl, icmp);

    private static int InitialTtlOf(NetworkNode host) => host.Device.Host?.InitialTtl ?? HostSettings.DefaultTtl;

    private bool ServerListens() => Flow.Protocol != Protocol.Tcp || Server.Device.Host?.TcpPorts.Contains(Flow.DestinationPort) == true;

    private static string FirstKind(Protocol protocol) => protocol switch { Protocol.Tcp => "SYN", Protocol.Udp => "UDP", _ => "ECHO" };

    private static TcpFlags FirstFlags(Protocol protocol) => protocol == Protocol.Tcp ? TcpFlags.Syn : TcpFlags.None;

    /// <summary>A host's address: the first one it has (Simulator.Check refuses hosts without one).</summary>
    internal static Ipv4Address AddressOf(NetworkNode node) =>
        Simulator.FirstAddress(node) ?? throw new InvalidOperationException($"{node.Name} has no IPv4 address.");
}

/// <summary>Which packet of the exchange is on its way.</summary>
internal enum ExchangePhase : byte
{
    Request,
    Reply,
    Ack,

    /// <summary>The ICMP port unreachable a host sends back for a UDP request to a closed port.</summary>
    PortUnreachable,
}
