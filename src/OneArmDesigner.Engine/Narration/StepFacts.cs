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
}

/// <summary>
/// The values a step's sentence and evidence are written from, captured when the step happens so that the text can be
/// formatted only if someone reads it. Everything else a sentence needs comes from the step itself (device, packet
/// before and after, ingress, egress, crossing). Captured values never refer to anything that changes later, except
/// a session's immutable identity: its TCP state is copied as it stood.
/// </summary>
internal readonly struct StepFacts
{
    private StepFacts(StepKind kind, object? subject = null, string? text = null, Ipv4Address address = default,
        int number = 0, int other = 0, bool flag = false)
    {
        Kind = kind;
        Subject = subject;
        Text = text;
        Address = address;
        Number = number;
        Other = other;
        Flag = flag;
    }

    public StepKind Kind { get; }

    /// <summary>The route, rule, session or crossing the step acted on.</summary>
    public object? Subject { get; }

    /// <summary>A name or pre-written text: a VPN peer, an egress, a session state, a drop's reason.</summary>
    public string? Text { get; }

    public Ipv4Address Address { get; }

    public int Number { get; }

    public int Other { get; }

    public bool Flag { get; }

    public static StepFacts Send => new(StepKind.Send);

    public static StepFacts Receive => new(StepKind.Receive);

    public static StepFacts InternetReceive => new(StepKind.InternetReceive);

    public static StepFacts Accept(AcceptReason reason) => new(StepKind.Accept, number: (int)reason);

    public static StepFacts AclPermit(AclRule rule, int line) => new(StepKind.AclPermit, rule, number: line);

    public static StepFacts NatDestination(NatRule rule) => new(StepKind.NatDestination, rule);

    /// <summary>A firewall's NAT rule, or (no rule) a routed MX translating LAN traffic to its uplink.</summary>
    public static StepFacts NatSource(NatRule? rule) => new(StepKind.NatSource, rule);

    public static StepFacts Route(Route route, bool fromEndpoint) => new(StepKind.Route, route, flag: fromEndpoint);

    public static StepFacts ForwardToNeighbour(LinkCrossing crossing, Ipv4Address nextHop) =>
        new(StepKind.ForwardToNeighbour, crossing, address: nextHop);

    public static StepFacts ForwardToProvider(LinkCrossing crossing, Ipv4Address nextHop) =>
        new(StepKind.ForwardToProvider, crossing, address: nextHop);

    public static StepFacts InternetForward(LinkCrossing crossing) => new(StepKind.InternetForward, crossing);

    public static StepFacts SessionMatch(Session session, bool forward) =>
        new(StepKind.SessionMatch, session, session.StateText, flag: forward);

    public static StepFacts StateBypass => new(StepKind.StateBypass);

    public static StepFacts SecurityLevels(string egress, int inLevel, int outLevel) =>
        new(StepKind.SecurityLevels, text: egress, number: inLevel, other: outLevel);

    public static StepFacts SessionCreate(Session session, bool onFirewall) =>
        new(StepKind.SessionCreate, session, session.StateText, flag: onFirewall);

    public static StepFacts Decapsulate(string? peer) => new(StepKind.Decapsulate, text: peer);

    public static StepFacts Encapsulate(string peer) => new(StepKind.Encapsulate, text: peer);

    public static StepFacts Drop(string detail) => new(StepKind.Drop, text: detail);

    /// <summary>The cable(s) a forward crossed; null for every other step.</summary>
    public LinkCrossing? Crossing => Kind is StepKind.ForwardToNeighbour or StepKind.ForwardToProvider or StepKind.InternetForward
        ? (LinkCrossing)Subject!
        : null;

    /// <summary>The session the step matched or opened, with its state as it stood then.</summary>
    public (Session Session, string State)? SessionAsItStood =>
        Kind is StepKind.SessionMatch or StepKind.SessionCreate ? ((Session)Subject!, Text!) : null;
}
