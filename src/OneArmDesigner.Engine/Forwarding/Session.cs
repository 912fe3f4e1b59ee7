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
/// <param name="translationOnly">
/// A firewall's NAT translation for a protocol it does not inspect (ICMP without inspect icmp, anything on a stateless
/// firewall): it translates the replies, but they still need the access list or the security levels to let them in.
/// </param>
internal sealed class Session(int id, FlowKey original, FlowKey translated, string inInterface, string outInterface, TcpState? tcp,
    bool translationOnly = false)
{
    /// <summary>How a connection table shows a translation kept without inspection.</summary>
    public const string TranslationOnlyText = "translation only (not inspected)";

    public int Id { get; } = id;

    public FlowKey Original { get; } = original;

    public FlowKey Translated { get; } = translated;

    public string InInterface { get; } = inInterface;

    public string OutInterface { get; } = outInterface;

    public TcpState? Tcp { get; set; } = tcp;

    public bool TranslationOnly { get; } = translationOnly;

    public string StateText => TranslationOnly ? TranslationOnlyText : Describe(Tcp);

    /// <summary>How a connection table shows a session in this state (no TCP state: any other protocol).</summary>
    public static string Describe(TcpState? state) => state switch
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

/// <summary>
/// What the packets of one exchange share: every device's sessions, the numbering of sessions, and the sockets hosts
/// sent from. An exchange opens a handful of sessions, so a short list searched newest first beats a table per device.
/// </summary>
internal sealed class SimulationState
{
    // Sized for a TCP handshake through a firewall or two (two client sockets): most exchanges never grow them.
    private readonly List<(string Device, Session Session)> _sessions = new(2);
    private readonly List<(string Host, Domain.Model.Protocol Protocol, int Port)> _clientSockets = new(2);
    private int _nextSessionId = 1;

    /// <summary>Remembers that a host sent from this port, so it accepts the replies that come back to it.</summary>
    public void OpenClientSocket(string host, Domain.Model.Protocol protocol, int port)
    {
        if (!HasClientSocket(host, protocol, port))
        {
            _clientSockets.Add((host, protocol, port));
        }
    }

    public bool HasClientSocket(string host, Domain.Model.Protocol protocol, int port)
    {
        var found = false;
        foreach (var socket in _clientSockets)
        {
            // Compared field by field: a tuple's default equality goes through a comparer per field on every packet.
            if (socket.Port == port && socket.Protocol == protocol && string.Equals(socket.Host, host, StringComparison.Ordinal))
            {
                found = true;
                break;
            }
        }

        Observer?.SocketChecked(host, protocol, port, found);
        return found;
    }

    /// <summary>Told of every look-up in the session tables and sockets; null when nobody watches (tracing).</summary>
    public IStateObserver? Observer { get; set; }

    /// <summary>
    /// The device's session for this 5-tuple, and whether the packet goes the way the session was opened. A newer
    /// session shadows an older one with the same 5-tuple, and a session's return direction shadows its own forward one.
    /// </summary>
    /// <summary>
    /// The device's session for the packet an ICMP error reports on, given as that packet left toward where the error
    /// came from, and whether that packet went the way the session was opened.
    /// </summary>
    public (Session Session, bool Forward)? MatchReported(string device, FlowKey reported)
    {
        var hit = FindReported(device, reported);
        Observer?.MatchedReported(device, reported, hit);
        return hit;
    }

    private (Session Session, bool Forward)? FindReported(string device, FlowKey reported)
    {
        for (var i = _sessions.Count - 1; i >= 0; i--)
        {
            var (owner, session) = _sessions[i];
            if (!string.Equals(owner, device, StringComparison.Ordinal))
            {
                continue;
            }

            if (session.Translated == reported)
            {
                return (session, true);
            }

            if (session.Original.Reverse == reported)
            {
                return (session, false);
            }
        }

        return null;
    }

    public (Session Session, bool Forward)? Match(string device, FlowKey key)
    {
        var hit = Find(device, key);
        Observer?.Matched(device, key, hit);
        return hit;
    }

    private (Session Session, bool Forward)? Find(string device, FlowKey key)
    {
        for (var i = _sessions.Count - 1; i >= 0; i--)
        {
            var (owner, session) = _sessions[i];
            if (!string.Equals(owner, device, StringComparison.Ordinal))
            {
                continue;
            }

            if (session.Translated.Reverse == key)
            {
                return (session, false);
            }

            if (session.Original == key)
            {
                return (session, true);
            }
        }

        return null;
    }

    public void Add(string device, Session session) => _sessions.Add((device, session));

    /// <summary>Every device's sessions, oldest first.</summary>
    public IReadOnlyList<(string Device, Session Session)> Sessions => _sessions;

    /// <summary>The sockets hosts sent from, in the order they were opened.</summary>
    public IReadOnlyList<(string Host, Domain.Model.Protocol Protocol, int Port)> ClientSockets => _clientSockets;

    public int NextSessionId() => _nextSessionId++;
}

/// <summary>Watches what an exchange's packets look up in the shared state, and what they find.</summary>
internal interface IStateObserver
{
    void Matched(string device, FlowKey key, (Session Session, bool Forward)? hit);

    void MatchedReported(string device, FlowKey reported, (Session Session, bool Forward)? hit);

    void SocketChecked(string host, Domain.Model.Protocol protocol, int port, bool found);
}
