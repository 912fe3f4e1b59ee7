using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>Where a TCP connection is in its handshake, as a stateful firewall tracks it.</summary>
public enum TcpState
{
    /// <summary>The SYN passed; the firewall now expects the responder's SYN-ACK.</summary>
    SynSent,

    /// <summary>The SYN-ACK passed; the initiator's ACK completes the handshake.</summary>
    SynAckSeen,

    Established,
    Closed,
}

/// <summary>
/// A connection (firewall) or translation (NAT) entry: the flow as it entered, as it left after NAT, and for TCP its
/// handshake state. Packets of the flow match it in either direction.
/// </summary>
internal sealed class Session(int id, FlowKey original, FlowKey translated, string inInterface, string outInterface, TcpState? tcp)
{
    public int Id { get; } = id;

    public FlowKey Original { get; } = original;

    public FlowKey Translated { get; } = translated;

    public string InInterface { get; } = inInterface;

    public string OutInterface { get; } = outInterface;

    public TcpState? Tcp { get; set; } = tcp;

    public string StateText => Tcp switch
    {
        TcpState.SynSent => "SYN sent (embryonic)",
        TcpState.SynAckSeen => "SYN-ACK seen",
        TcpState.Established => "established",
        TcpState.Closed => "closed",
        _ => "active",
    };

    /// <summary>The row as it stood when its state was <paramref name="state"/>.</summary>
    public SessionView ToView(string state) => new(Id, Original, Translated, state, InInterface, OutInterface);
}

/// <summary>A device's sessions, found by the 5-tuple of either direction.</summary>
internal sealed class SessionTable
{
    private readonly Dictionary<FlowKey, (Session Session, bool Forward)> _index = [];

    public (Session Session, bool Forward)? Match(FlowKey key) => _index.TryGetValue(key, out var hit) ? hit : null;

    public void Add(Session session)
    {
        _index[session.Original] = (session, true);
        _index[session.Translated.Reverse] = (session, false);
    }
}

/// <summary>What the packets of one exchange share: each device's session table, and the numbering of sessions.</summary>
internal sealed class SimulationState
{
    private readonly Dictionary<string, SessionTable> _tables = new(StringComparer.Ordinal);
    private readonly HashSet<(string Host, Domain.Model.Protocol Protocol, int Port)> _clientSockets = [];
    private int _nextSessionId = 1;

    /// <summary>Remembers that a host sent from this port, so it accepts the replies that come back to it.</summary>
    public void OpenClientSocket(string host, Domain.Model.Protocol protocol, int port) => _clientSockets.Add((host, protocol, port));

    public bool HasClientSocket(string host, Domain.Model.Protocol protocol, int port) => _clientSockets.Contains((host, protocol, port));

    public SessionTable TableFor(string device)
    {
        if (!_tables.TryGetValue(device, out var table))
        {
            table = new SessionTable();
            _tables[device] = table;
        }

        return table;
    }

    public int NextSessionId() => _nextSessionId++;
}
