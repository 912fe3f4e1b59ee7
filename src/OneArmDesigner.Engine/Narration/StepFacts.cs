using System.Diagnostics;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Narration;

/// <summary>Which sentence a step is told with; each kind reads its own facts.</summary>
internal enum StepKind : byte
{
    Send,
    Receive,
    InternetReceive,
    Accept,
    AclPermit,
    NatDestination,
    NatSource,
    Route,
    ForwardToNeighbour,
    ForwardToProvider,
    InternetForward,
    SessionMatch,
    IcmpErrorMatch,
    StateBypass,
    SecurityLevels,
    SessionCreate,
    Decapsulate,
    Encapsulate,
    Drop,
}

/// <summary>Why a host accepted a packet: the clause of its deliver sentence.</summary>
internal enum AcceptReason
{
    SynListening,
    SynToClosedPort,
    SynAck,
    Established,
    UdpListening,
    UdpReply,
    Echo,
    EchoReply,

    /// <summary>An ICMP error about a datagram this host sent (a port unreachable).</summary>
    IcmpError,
}

/// <summary>
/// One recorded step: what the device did, the packet before and after (indexes into the trace's packets), and the
/// values its sentence and evidence are written from, captured when it happened so that the text is formatted only
/// if someone reads it. Captured values never refer to anything that changes later, except a session's immutable
/// identity: its TCP state is copied as it stood.
/// </summary>
/// <remarks>
/// A trace holds tens of these per packet, so the struct is kept to 24 bytes: one reference and two numbers whose
/// meaning depends on the kind, read through the named properties below. A step that needs a name besides its subject
/// finds it on the subject (a crossing's or session's exit interface, a NAT rule's outside interface).
/// </remarks>
internal readonly struct StepFacts
{
    private const int NoTcpState = -1;
    private const int TranslationOnlyState = -2;

    private readonly object? _subject;
    private readonly int _first;
    private readonly int _second;
    private readonly ushort _before;
    private readonly ushort _after;
    private readonly byte _action;

    private StepFacts(StepKind kind, object? subject = null, int first = 0, int second = 0)
    {
        Kind = kind;
        _subject = subject;
        _first = first;
        _second = second;
    }

    private StepFacts(in StepFacts facts, StepAction action, ushort before, ushort after)
        : this(facts.Kind, facts._subject, facts._first, facts._second)
    {
        _action = (byte)action;
        _before = before;
        _after = after;
    }

    public StepKind Kind { get; }

    public StepAction Action => (StepAction)_action;

    /// <summary>Index of the packet as the step found it, among the trace's packets.</summary>
    public int Before => _before;

    /// <summary>Index of the packet as the step left it, among the trace's packets.</summary>
    public int After => _after;

    public static StepFacts Send => new(StepKind.Send);

    public static StepFacts Receive => new(StepKind.Receive);

    public static StepFacts InternetReceive => new(StepKind.InternetReceive);

    /// <summary>A hop's first step (send, receive, or the Internet's receive), as the trace keeps it in the hop.</summary>
    public static StepFacts Entering(StepKind kind, int packet)
    {
        Debug.Assert(kind is StepKind.Send or StepKind.Receive or StepKind.InternetReceive, "Only a send or a receive begins a hop.");
        return new StepFacts(kind).RecordedAs(kind == StepKind.Send ? StepAction.Send : StepAction.Receive, packet, packet);
    }

    public static StepFacts Accept(AcceptReason reason) => new(StepKind.Accept, first: (int)reason);

    public static StepFacts AclPermit(AclRule rule, int line) => new(StepKind.AclPermit, rule, first: line);

    public static StepFacts NatDestination(NatRule rule) => new(StepKind.NatDestination, rule);

    /// <summary>A firewall's NAT rule, or (no rule) a routed MX translating LAN traffic to its uplink.</summary>
    public static StepFacts NatSource(NatRule? rule, string? egress) => new(StepKind.NatSource, rule is null ? egress : EgressIs(rule, rule.OutsideInterface, egress));

    public static StepFacts Route(Route route, bool fromEndpoint) => new(StepKind.Route, route, second: fromEndpoint ? 1 : 0);

    public static StepFacts ForwardToNeighbour(LinkCrossing crossing, Ipv4Address nextHop, string egress) =>
        new(StepKind.ForwardToNeighbour, EgressIs(crossing, crossing.FromInterface, egress), unchecked((int)nextHop.Value));

    public static StepFacts ForwardToProvider(LinkCrossing crossing, Ipv4Address nextHop, string egress) =>
        new(StepKind.ForwardToProvider, EgressIs(crossing, crossing.FromInterface, egress), unchecked((int)nextHop.Value));

    public static StepFacts InternetForward(LinkCrossing crossing) => new(StepKind.InternetForward, crossing);

    public static StepFacts SessionMatch(Session session, bool forward) =>
        new(StepKind.SessionMatch, session, first: StateCode(session), second: forward ? 1 : 0);

    /// <summary>An ICMP error related to the connection of the packet it reports on (the session does not change).</summary>
    public static StepFacts IcmpErrorMatch(Session session) => new(StepKind.IcmpErrorMatch, session);

    public static StepFacts StateBypass => new(StepKind.StateBypass);

    /// <summary>The security-level rule let the flow through (the step names the egress but does not leave by it yet).</summary>
    public static StepFacts SecurityLevels(string egress, int inLevel, int outLevel) =>
        new(StepKind.SecurityLevels, egress, inLevel, outLevel);

    public static StepFacts SessionCreate(Session session, bool onFirewall, string egress) =>
        new(StepKind.SessionCreate, EgressIs(session, session.OutInterface, egress), StateCode(session), onFirewall ? 1 : 0);

    public static StepFacts Decapsulate(string? peer) => new(StepKind.Decapsulate, peer);

    public static StepFacts Encapsulate(string peer) => new(StepKind.Encapsulate, peer);

    public static StepFacts Drop(DeferredText detail) => new(StepKind.Drop, detail);

    /// <summary>These facts as the step the recorder stored, with what the device did and where the packet was.</summary>
    public StepFacts RecordedAs(StepAction action, int before, int after) => new(this, action, checked((ushort)before), checked((ushort)after));

    /// <summary>The interface the step sends the packet out of, when it is one that commits to an exit.</summary>
    public string? Egress => Kind switch
    {
        StepKind.Route => ((Route)_subject!).Interface,
        StepKind.NatSource => _subject is NatRule rule ? rule.OutsideInterface : (string?)_subject,
        StepKind.SessionCreate => ((Session)_subject!).OutInterface,
        StepKind.ForwardToNeighbour or StepKind.ForwardToProvider => ((LinkCrossing)_subject!).FromInterface,
        _ => null,
    };

    /// <summary>The cable(s) a forward crossed; null for every other step.</summary>
    public LinkCrossing? Crossing => Kind is StepKind.ForwardToNeighbour or StepKind.ForwardToProvider or StepKind.InternetForward
        ? (LinkCrossing)_subject!
        : null;

    public Route MatchedRoute => (Route)_subject!;

    public bool FromEndpoint => _second != 0;

    public Ipv4Address NextHop => new(unchecked((uint)_first));

    public AcceptReason AcceptReason => (AcceptReason)_first;

    public AclRule AclRule => (AclRule)_subject!;

    public int AclLine => _first;

    /// <summary>The NAT rule that translated the packet; null for an MX's uplink NAT.</summary>
    public NatRule? NatRule => _subject as NatRule;

    public bool MatchedForward => _second != 0;

    public bool OnFirewall => _second != 0;

    /// <summary>The egress the security-level rule compared against (not yet the step's egress).</summary>
    public string ComparedEgress => (string)_subject!;

    public int InLevel => _first;

    public int OutLevel => _second;

    /// <summary>The VPN peer (for a decapsulation, null when no MX owns the sender's address).</summary>
    public string? Peer => (string?)_subject;

    public string DropDetail => ((DeferredText)_subject!).Text;

    /// <summary>The session the step matched or opened, with its state as it stood then.</summary>
    public (Session Session, string State)? SessionAsItStood => Kind is StepKind.SessionMatch or StepKind.SessionCreate
        ? ((Session)_subject!, _first switch
        {
            TranslationOnlyState => Session.TranslationOnlyText,
            NoTcpState => Session.Describe(null),
            var tcp => Session.Describe((TcpState)tcp),
        })
        : null;

    /// <summary>The connection an ICMP error was related to.</summary>
    public Session ReportedSession => (Session)_subject!;

    /// <summary>The step's egress is read back from its subject (<see cref="Egress"/>): they must agree.</summary>
    private static T EgressIs<T>(T subject, string subjectsEgress, string? egress)
    {
        Debug.Assert(subjectsEgress == egress, $"The step leaves by {egress} but its subject by {subjectsEgress}.");
        return subject;
    }

    private static int StateCode(Session session) =>
        session.TranslationOnly ? TranslationOnlyState : session.Tcp is { } tcp ? (int)tcp : NoTcpState;
}
