using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>A session as a look-up found it: which one (its content), in which direction, and its TCP state at that moment.</summary>
internal readonly record struct SessionHit(AbstractKey Original, AbstractKey Translated, string In, string Out, bool Forward, TcpState? Tcp);

/// <summary>
/// A look-up in a device's session table, and what it found: by a packet's own 5-tuple, or (<paramref name="Reported"/>)
/// by the 5-tuple an ICMP error reports on.
/// </summary>
internal readonly record struct SessionRead(int Device, AbstractKey Key, bool Reported, SessionHit? Hit);

/// <summary>A look-up of a host's sockets, and whether it found one.</summary>
internal readonly record struct SocketRead(int Host, Protocol Protocol, int Port, bool Found);

/// <summary>How an exchange ended, as far as every pair that reached the same end shares it.</summary>
internal readonly record struct OutcomeCore(Verdict Verdict, string? FailedPacket, DropReason? Reason, string? DropDevice, bool RequestDelivered);

/// <summary>
/// What one device's step did for the pair that was played: everything it read of the pair's past (session and socket
/// look-ups, and the loop check), in which roles it read the pair's addresses, what it added to the past, and where
/// the exchange is now (or how it ended). Every pair whose past gives the same answers to those reads, and whose
/// addresses fall in the same atoms, takes the same step.
/// </summary>
internal sealed class StepReport
{
    public int SourceRoles { get; set; }

    public int DestinationRoles { get; set; }

    public List<SessionRead> SessionReads { get; } = [];

    public List<SocketRead> SocketReads { get; } = [];

    public List<HistoryEvent> Writes { get; } = [];

    public Present? Next { get; set; }

    /// <summary>The packet that starts on this step (the reply, the ACK), if one does.</summary>
    public ExchangePhase? NewPhase { get; set; }

    public OutcomeCore? Outcome { get; set; }

    /// <summary>True when the reply arrived on this step: the moment the request's and the reply's paths are compared.</summary>
    public bool ReplyArrived { get; set; }

    /// <summary>Empties the report for the next step: one report serves every step of an analysis.</summary>
    public void Clear()
    {
        SourceRoles = DestinationRoles = 0;
        SessionReads.Clear();
        SocketReads.Clear();
        Writes.Clear();
        (Next, NewPhase, Outcome, ReplyArrived, Driver) = (null, null, null, false, null);
    }

    /// <summary>The played pair's own exchange after the step, to play the next step with; null once it has ended.</summary>
    public Driver? Driver { get; set; }
}

/// <summary>The three parts of one pair's past: its source block's, its destination block's and its class's common history.</summary>
internal readonly record struct PairPast(History Source, History Destination, History Common);

/// <summary>
/// A pair's concrete exchange kept from one step to the next while its class goes on with that pair first: the next
/// step is then played on it directly, without rebuilding it from the past.
/// </summary>
internal sealed class Driver(ExchangeCursor cursor, int source, int destination, bool fromStart)
{
    public ExchangeCursor Cursor { get; } = cursor;

    public int Source { get; } = source;

    public int Destination { get; } = destination;

    /// <summary>Whether the cursor has played the exchange from its first step, so it holds the whole trace so far.</summary>
    public bool FromStart { get; } = fromStart;

    /// <summary>
    /// Gives the walk's recorder back to the thread: the class that held this exchange has ended or let it go, and
    /// only one class ever holds a driver, so the next walk rebuilt from a past can reuse its buffers.
    /// </summary>
    public void Abandon() => Cursor.Walk?.Recorder.Release();
}

/// <summary>
/// Plays one device's step of a state for one host pair, with the engine's own walker: the pair's past becomes its
/// sessions, sockets and breadcrumbs, the cursor moves one device on, and what happened is tagged again. There is no
/// second implementation of forwarding to keep in step with the first.
/// </summary>
internal sealed class ExchangeStepper(CompiledNetwork network, DeviceNumbers devices, Participants participants) : IStateObserver
{
    private readonly HopWatch _watch = new();
    private readonly StepReport _stepReport = new();
    private readonly List<(Session Session, TcpState? Tcp)> _sessionsBefore = [];
    private readonly List<HistoryEvent> _merged = [];
    private StepReport? _report;
    private PairBinding _binding;

    /// <summary>Where the exchange from <paramref name="source"/> to <paramref name="destination"/> stands before its first step, and that exchange.</summary>
    public (Present Present, Driver Driver) Start(int source, int destination, int flowGroup)
    {
        var binding = Bind(source, destination);
        var cursor = new ExchangeCursor(network, Flow(source, destination), _watch);
        var walk = cursor.Walk!;
        return (new Present(flowGroup, cursor.Phase, walk.Kind, walk.Count, DeviceNumbers.Of(walk.Node), walk.Ingress, binding.Abstract(walk.Packet)),
            new Driver(cursor, source, destination, fromStart: true));
    }

    /// <summary>
    /// Plays one step for the pair: on <paramref name="driver"/> when it is that pair's exchange at this present, else
    /// on the pair's exchange rebuilt from its past.
    /// </summary>
    /// <remarks>The report returned is reused by the next call.</remarks>
    public StepReport Step(Present present, PairPast past, int source, int destination, Driver? driver)
    {
        _binding = Bind(source, destination);
        var cursor = driver?.Cursor ?? Resume(present, History.Merge(past.Source, past.Destination, past.Common, _merged), Flow(source, destination));
        var sessions = _sessionsBefore;
        sessions.Clear();
        foreach (var (_, session) in cursor.State.Sessions)
        {
            sessions.Add((session, session.Tcp));
        }

        _socketsBefore = cursor.State.ClientSockets.Count;
        var report = _stepReport;
        report.Clear();
        _report = report;
        var node = devices.Nodes[present.Node];
        var device = _binding.DeviceOf(node);

        _watch.Begin(_binding.SourceAddress, _binding.DestinationAddress);
        cursor.State.Observer = this;
        var finished = cursor.Step();
        cursor.State.Observer = null;
        _report = null;
        report.SourceRoles = _watch.SourceRoles;
        report.DestinationRoles = _watch.DestinationRoles;
        RecordWrites(present, cursor, sessions, device, report.Writes);

        var failure = present.Failure ?? (finished is { Delivered: false } ? new FirstFailure(finished.Kind, finished.Reason, finished.DropDevice) : null);
        if (cursor.Verdict is { } verdict)
        {
            report.Outcome = new OutcomeCore(verdict, failure?.Kind, failure?.Reason, failure?.Device,
                RequestDelivered: !(present.Phase is ExchangePhase.Request or ExchangePhase.PortUnreachable && failure is not null));
            report.ReplyArrived = present.Phase == ExchangePhase.Reply && failure is null;
            return report;
        }

        var walk = cursor.Walk!;
        report.Driver = driver ?? new Driver(cursor, source, destination, fromStart: false);
        report.ReplyArrived = present.Phase == ExchangePhase.Reply && cursor.Phase == ExchangePhase.Ack;
        report.NewPhase = cursor.Phase == present.Phase ? null : cursor.Phase;
        report.Next = new Present(present.FlowGroup, cursor.Phase, walk.Kind, walk.Count, DeviceNumbers.Of(walk.Node), walk.Ingress,
            _binding.Abstract(walk.Packet), failure);
        return report;
    }

    public void Matched(string device, FlowKey key, (Session Session, bool Forward)? hit) => RecordLookup(device, key, reported: false, hit);

    public void MatchedReported(string device, FlowKey reported, (Session Session, bool Forward)? hit) => RecordLookup(device, reported, reported: true, hit);

    private void RecordLookup(string device, FlowKey key, bool reported, (Session Session, bool Forward)? hit) =>
        _report?.SessionReads.Add(new SessionRead(_binding.DeviceOf(device), _binding.Abstract(key), reported, hit is { } h
            ? new SessionHit(_binding.Abstract(h.Session.Original), _binding.Abstract(h.Session.Translated), h.Session.InInterface,
                h.Session.OutInterface, h.Forward, h.Session.Tcp)
            : null));

    public void SocketChecked(string host, Protocol protocol, int port, bool found) =>
        _report?.SocketReads.Add(new SocketRead(_binding.DeviceOf(host), protocol, port, found));

    /// <summary>The sessions, sockets, breadcrumbs and other facts this step added to the pair's past.</summary>
    private void RecordWrites(Present present, ExchangeCursor cursor, List<(Session Session, TcpState? Tcp)> before, int device,
        List<HistoryEvent> writes)
    {
        var sequence = 0;
        EventTime Next() => new(present.Phase, present.Count, sequence++);
        writes.Add(HistoryEvent.Crumb(present, Next(), device));
        foreach (var (session, tcp) in before)
        {
            if (session.Tcp != tcp)
            {
                writes.Add(SessionEvent(EventKind.Tcp, Next(), session, cursor.State));
            }
        }

        var sessions = cursor.State.Sessions;
        for (var i = before.Count; i < sessions.Count; i++)
        {
            writes.Add(SessionEvent(EventKind.Session, Next(), sessions[i].Session, cursor.State, sessions[i].Device));
        }

        // Sockets are only ever added, at the end of the list.
        var sockets = cursor.State.ClientSockets;
        for (var i = _socketsBefore; i < sockets.Count; i++)
        {
            writes.Add(new HistoryEvent(EventKind.Socket, Next(), _binding.DeviceOf(sockets[i].Host), Protocol: sockets[i].Protocol, Port: sockets[i].Port));
        }

        if (_watch.InClear && present.Phase != ExchangePhase.Ack)
        {
            writes.Add(new HistoryEvent(EventKind.Clear, Next(), device));
        }

        if (present.Phase == ExchangePhase.Request && _watch.Decapsulated && devices.Nodes[present.Node].Device.Mx is { Mode: MxMode.Passthrough })
        {
            writes.Add(new HistoryEvent(EventKind.Concentrator, Next(), device));
        }
    }

    private HistoryEvent SessionEvent(EventKind kind, EventTime time, Session session, SimulationState state, string? owner = null)
    {
        owner ??= state.Sessions.First(s => ReferenceEquals(s.Session, session)).Device;
        return new HistoryEvent(kind, time, _binding.DeviceOf(owner), _binding.Abstract(session.Original), _binding.Abstract(session.Translated),
            session.InInterface, session.OutInterface, session.Tcp, TranslationOnly: session.TranslationOnly);
    }

    private int _socketsBefore;

    private readonly PathFacts _facts = new();

    /// <summary>
    /// Plays the pair's exchange to its end as plain tracing does, on <paramref name="driver"/> when it has played the
    /// exchange from the start, else from the start; returns how it ended and how many device steps it took. Only the
    /// outcome is wanted, so packets keep no record: what the outcome reads of their paths is read as each finishes.
    /// </summary>
    public (PairOutcome Outcome, int Steps) OutcomeToEnd(int source, int destination, Driver? driver)
    {
        var facts = _facts.Clear();
        var cursor = driver is { FromStart: true } ? driver.Cursor : new ExchangeCursor(network, Flow(source, destination));
        foreach (var finished in cursor.Packets)
        {
            finished.ReadInto(facts);
        }

        if (cursor.Walk is { } walk)
        {
            (walk.KeepsRecord, walk.Facts) = (false, facts);
        }

        var steps = 0;
        while (cursor.Verdict is null)
        {
            cursor.Step();
            steps++;
        }

        return (PairOutcome.Of(network, cursor.Verdict.Value, cursor.Packets, facts), steps);
    }

    private readonly List<(HistoryEvent Opened, Session Session)> _resumedSessions = [];

    /// <summary>The pair's own exchange at the point the present and past describe.</summary>
    private ExchangeCursor Resume(Present present, List<HistoryEvent> past, Flow flow)
    {
        var simulation = new SimulationState();
        var sessions = _resumedSessions;
        sessions.Clear();
        var recorder = TraceRecorder.Start();
        foreach (var e in past)
        {
            switch (e.Kind)
            {
                case EventKind.Session:
                    var session = new Session(simulation.NextSessionId(), _binding.Concrete(e.Original), _binding.Concrete(e.Translated), e.In!, e.Out!, e.Tcp,
                        e.TranslationOnly);
                    simulation.Add(_binding.NodeOf(e.Device).Name, session);
                    sessions.Add((e, session));
                    break;
                case EventKind.Tcp:
                    // The newest session with this content on this device is the one the walker changed.
                    var index = sessions.Count - 1;
                    while (!sessions[index].Opened.IsSessionOf(e))
                    {
                        index--;
                    }

                    sessions[index].Session.Tcp = e.Tcp;
                    break;
                case EventKind.Socket:
                    simulation.OpenClientSocket(_binding.NodeOf(e.Device).Name, e.Protocol, e.Port);
                    break;
                case EventKind.Crumb when e.Time.Phase == present.Phase:
                    recorder.Seed(_binding.NodeOf(e.Device), e.In, _binding.Concrete(e.Packet));
                    break;
            }
        }

        var node = devices.Nodes[present.Node];
        var walk = new PacketWalk(present.Kind, node, _binding.Concrete(present.Packet), recorder) { Count = present.Count, KeepsRecord = false };
        if (present.Ingress is { } ingress && node.AttachmentOf(ingress) is { } arrival)
        {
            // Entered by the segment member the walker would have arrived by, so its hop records no stand-in for it.
            walk.Arrive(node, arrival);
        }
        else
        {
            walk.Ingress = present.Ingress;
        }

        return new ExchangeCursor(network, flow, simulation, present.Phase, _watch) { Walk = walk };
    }

    private PairBinding Bind(int source, int destination) =>
        new(devices, participants.Nodes[source], participants.Nodes[destination], participants.Addresses[source], participants.Addresses[destination]);

    private Flow Flow(int source, int destination) => ReachabilityMatrix.DefaultFlow(participants.Hosts[source], participants.Hosts[destination]);
}
