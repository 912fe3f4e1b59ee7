using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// What one step of a state did for the pair that was played: the state it led to (or the outcome, when the exchange
/// ended), and in which roles the device read the pair's two addresses. Every pair that agrees with the played one
/// on those readings takes the same step.
/// </summary>
internal readonly record struct StepResult(ExchangeState? Next, PairOutcome? Outcome, int SourceRoles, int DestinationRoles, ExchangePhase? NewPhase);

/// <summary>
/// Plays one device's step of a state for one host pair, with the engine's own walker: the state is turned into that
/// pair's sessions, sockets and packet, the cursor moves one device on, and the result is tagged again. There is no
/// second implementation of forwarding to keep in step with the first.
/// </summary>
internal sealed class ExchangeStepper(CompiledNetwork network, DeviceNumbers devices, Participants participants)
{
    /// <summary>Marks "no concentrator yet" in <see cref="ExchangeState.Concentrator"/>.</summary>
    public const int None = int.MinValue;

    private readonly HopWatch _watch = new();

    /// <summary>The state of an exchange from <paramref name="source"/> to <paramref name="destination"/> before its first step.</summary>
    public ExchangeState Start(int source, int destination, int flowGroup)
    {
        var binding = Bind(source, destination);
        var cursor = new ExchangeCursor(network, Flow(source, destination));
        var walk = cursor.Walk!;
        walk.Recorder.Release();
        return new ExchangeState(flowGroup, cursor.Phase, walk.Kind, walk.Count, devices.Of(walk.Node.Name), walk.Ingress,
            binding.Abstract(walk.Packet), [], [], [], None, [], []);
    }

    public StepResult Step(ExchangeState state, int source, int destination)
    {
        var binding = Bind(source, destination);
        var cursor = Resume(state, binding, Flow(source, destination));
        _watch.Begin(binding.SourceAddress, binding.DestinationAddress);
        var finished = cursor.Step();

        var device = binding.DeviceOf(devices.Nodes[state.Node].Name);
        var requestClear = state.RequestClear;
        var replyClear = state.ReplyClear;
        if (_watch.InClear)
        {
            if (state.Phase == ExchangePhase.Request && Array.IndexOf(requestClear, device) < 0)
            {
                requestClear = [.. requestClear, device];
            }
            else if (state.Phase == ExchangePhase.Reply && Array.IndexOf(replyClear, device) < 0)
            {
                replyClear = [.. replyClear, device];
            }
        }

        var concentrator = state.Concentrator;
        if (state.Phase == ExchangePhase.Request && concentrator == None && _watch.Decapsulated
            && devices.Nodes[state.Node].Device.Mx is { Mode: MxMode.Passthrough })
        {
            concentrator = device;
        }

        if (cursor.Verdict is { } verdict)
        {
            var failure = finished is { Delivered: false } ? finished : null;
            var requestDelivered = !(state.Phase == ExchangePhase.Request && failure is not null);
            var outcome = new PairOutcome(verdict, failure?.Kind, failure?.Reason, failure?.DropDevice, requestDelivered,
                failure is not null && requestDelivered && concentrator != None ? binding.NodeOf(concentrator).Name : null,
                verdict == Verdict.Completed ? PathDifference(binding, requestClear, replyClear) : null);
            return new StepResult(null, outcome, _watch.SourceRoles, _watch.DestinationRoles, null);
        }

        var walk = cursor.Walk!;
        walk.Recorder.Release();
        var sameWalk = cursor.Phase == state.Phase;
        Breadcrumb[] breadcrumbs = sameWalk ? [.. state.Breadcrumbs, new Breadcrumb(device, state.Ingress, state.Packet)] : [];
        var sessions = new AbstractSession[cursor.State.Sessions.Count];
        for (var i = 0; i < sessions.Length; i++)
        {
            var (owner, session) = cursor.State.Sessions[i];
            sessions[i] = new AbstractSession(binding.DeviceOf(owner), binding.Abstract(session.Original), binding.Abstract(session.Translated),
                session.InInterface, session.OutInterface, session.Tcp);
        }

        var sockets = new AbstractSocket[cursor.State.ClientSockets.Count];
        for (var i = 0; i < sockets.Length; i++)
        {
            var (host, protocol, port) = cursor.State.ClientSockets[i];
            sockets[i] = new AbstractSocket(binding.DeviceOf(host), protocol, port);
        }

        var next = new ExchangeState(state.FlowGroup, cursor.Phase, walk.Kind, walk.Count, devices.Of(walk.Node.Name), walk.Ingress,
            binding.Abstract(walk.Packet), breadcrumbs, sessions, sockets, concentrator, requestClear, replyClear);
        return new StepResult(next, null, _watch.SourceRoles, _watch.DestinationRoles, sameWalk ? null : cursor.Phase);
    }

    /// <summary>The pair's own exchange, at the point the state describes.</summary>
    private ExchangeCursor Resume(ExchangeState state, PairBinding binding, Packets.Flow flow)
    {
        var simulation = new SimulationState();
        foreach (var session in state.Sessions)
        {
            simulation.Add(binding.NodeOf(session.Device).Name, new Session(simulation.NextSessionId(), binding.Concrete(session.Original),
                binding.Concrete(session.Translated), session.In, session.Out, session.Tcp));
        }

        foreach (var socket in state.Sockets)
        {
            simulation.OpenClientSocket(binding.NodeOf(socket.Host).Name, socket.Protocol, socket.Port);
        }

        var cursor = new ExchangeCursor(network, flow, simulation, state.Phase, _watch);
        var recorder = TraceRecorder.Start();
        foreach (var crumb in state.Breadcrumbs)
        {
            recorder.Seed(binding.NodeOf(crumb.Device).Name, crumb.Ingress, binding.Concrete(crumb.Entered));
        }

        cursor.Walk = new PacketWalk(state.Kind, devices.Nodes[state.Node], binding.Concrete(state.Packet), recorder)
        {
            Ingress = state.Ingress,
            Count = state.Count,
        };
        return cursor;
    }

    private PairBinding Bind(int source, int destination) =>
        new(devices, participants.Nodes[source], participants.Nodes[destination], participants.Addresses[source], participants.Addresses[destination]);

    private Packets.Flow Flow(int source, int destination) => ReachabilityMatrix.DefaultFlow(participants.Hosts[source], participants.Hosts[destination]);

    private static string? PathDifference(PairBinding binding, int[] requestClear, int[] replyClear)
    {
        if (requestClear.AsSpan().SequenceEqual(replyClear) || (requestClear.Length == replyClear.Length && requestClear.All(replyClear.Contains)))
        {
            return null;
        }

        var pairHosts = requestClear.Concat(replyClear).Where(d => d < 0 && (requestClear.Contains(d) != replyClear.Contains(d)));
        if (pairHosts.Any())
        {
            // The pair's own hosts are on both paths of any completed exchange; one missing would make the
            // difference name a host, which differs from pair to pair.
            throw new InvalidOperationException("A completed exchange's request and reply disagree about one of its own hosts.");
        }

        return PairOutcome.DescribePathDifference(
            requestClear.Select(d => binding.NodeOf(d).Name).ToList(), replyClear.Select(d => binding.NodeOf(d).Name).ToList());
    }
}
