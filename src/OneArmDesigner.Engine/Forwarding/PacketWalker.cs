using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>
/// Carries one packet from its source host through the network, device by device, until it is delivered or dropped.
/// <see cref="ProcessHop"/> is the specification of what a device does, stage by stage.
/// </summary>
internal sealed partial class PacketWalker(CompiledNetwork network, SimulationState state)
{
    /// <summary>
    /// A packet that has crossed this many devices is in a loop neither the TTL nor the breadcrumbs stopped. TTL stops
    /// any loop with a router in it within 255 routing hops, and the breadcrumbs any loop without one, so this is a net.
    /// </summary>
    private const int MaxHops = 2048;

    /// <summary>
    /// Every hop on a thread reuses one context: a hop's state is never read after its step returns, and the analysis
    /// makes a walker for every exchange it rebuilds from a past, so a context per walker was a fresh allocation each time.
    /// </summary>
    [ThreadStatic]
    private static HopContext? t_hop;

    /// <summary>Told of every step of each hop as the hop ends; null when nobody watches (tracing).</summary>
    public IHopObserver? Observer { get; init; }

    /// <summary>A walk of <paramref name="packet"/> from <paramref name="origin"/>, not yet started.</summary>
    public static PacketWalk Begin(string kind, NetworkNode origin, Packet packet) => new(kind, origin, packet, TraceRecorder.Start());

    /// <summary>Carries the walk's packet through one device; returns the finished trace, or null while the packet is in flight.</summary>
    public PacketTrace? Step(PacketWalk walk)
    {
        var recorder = walk.Recorder;
        if (walk.Count == MaxHops)
        {
            return new PacketTrace(walk.Kind, Disposition.Dropped, DropReason.Loop, walk.Node.Name, null, Finish(walk),
                $"The {walk.Kind} crossed {MaxHops} devices without arriving: it is caught in a forwarding loop.");
        }

        var hop = t_hop ??= new HopContext();
        var looped = recorder.HasEntered(walk.Node.Name, walk.Ingress, walk.Packet);
        hop.Begin(recorder, walk.Node, walk.Ingress, walk.Packet, isOrigin: walk.Count == 0, walk.Arrival);
        var outcome = looped ? LoopDetected(hop) : ProcessHop(hop);
        if (outcome.Result == HopResult.Dropped)
        {
            hop.Note(StepAction.Drop, StepFacts.Drop(outcome.DeferredDetail!));
        }

        if (Observer is { } observer)
        {
            recorder.VisitLastHop(observer);
        }

        switch (outcome.Result)
        {
            case HopResult.Delivered:
                return new PacketTrace(walk.Kind, Disposition.Delivered, null, null, null, Finish(walk));
            case HopResult.Dropped:
                return Dropped(walk.Kind, hop, outcome, Finish(walk));
        }

        walk.Arrive(outcome.Next!, outcome.Arrival);
        walk.Packet = hop.Packet;
        walk.Count++;
        return null;
    }

    private static TraceRecord Finish(PacketWalk walk) => walk.KeepsRecord ? walk.Recorder.Finish() : walk.Recorder.FinishEndOnly(walk.Facts);

    /// <summary>A drop while the packet is inside the tunnel means the tunnel cannot carry it: the inner packet sees vpn-down.</summary>
    private static PacketTrace Dropped(string kind, HopContext hop, HopOutcome outcome, TraceRecord record)
    {
        // The hop context is reused for the next hop: the summary keeps copies of what it says, not the context.
        var (device, reason, detail) = (hop.Name, outcome.Reason!.Value, outcome.DeferredDetail!);
        if (hop.IsEncapsulated && reason != DropReason.VpnDown)
        {
            return new PacketTrace(kind, Disposition.Dropped, DropReason.VpnDown, device, outcome.Log, record,
                new DeferredText(() => $"The {kind} never reached the far end of the VPN: its encrypted outer packet was dropped at {device} ({reason.ToJsonName()}). {Sentences.Capitalised(detail.Text)}"),
                outcome.IcmpSent);
        }

        return new PacketTrace(kind, Disposition.Dropped, reason, device, outcome.Log, record,
            new DeferredText(() => $"The {kind} was dropped by {device} ({reason.ToJsonName()}). {Sentences.Capitalised(detail.Text)}"),
            outcome.IcmpSent);
    }

    /// <summary>
    /// The packet entered this device by this interface before, with the same TTL: no device on the way round spends
    /// TTL (ASAs without decrement-ttl), so nothing would ever stop it. Loops through routers end by the TTL instead.
    /// </summary>
    private static HopOutcome LoopDetected(HopContext hop) => HopOutcome.Drop(DropReason.Loop,
        $"{hop.Name} has already forwarded this very packet, with the same TTL, on {hop.Ingress ?? "its way out"}: the routes form a loop through devices that do not decrement the TTL, so it would circle for ever.");

    /// <summary>
    /// The stage order of a hop: enter interface → match existing session → ingress filter → destination NAT →
    /// decapsulate if the packet is a tunnel packet for this device → accept if addressed to this device → route
    /// lookup → encapsulate if the route is a VPN route → source NAT → session setup → exit interface → neighbour
    /// resolution → cross the link. Each stage returns an outcome to stop the hop, or null to go on.
    /// </summary>
    private HopOutcome ProcessHop(HopContext hop)
    {
        if (hop.Node.Kind == DeviceKind.Internet)
        {
            return InternetHop(hop);
        }

        EnterInterface(hop);
        return MatchSession(hop)
            ?? IngressFilter(hop)
            ?? DestinationNat(hop)
            ?? Decapsulate(hop)
            ?? AcceptIfAddressedHere(hop)
            ?? RouteLookup(hop)
            ?? EncapsulateIfVpn(hop)
            ?? SourceNat(hop)
            ?? SetUpSession(hop)
            ?? ExitAndResolveNeighbour(hop);
    }

    private void EnterInterface(HopContext hop)
    {
        if (hop.IsOrigin)
        {
            hop.Enter(StepAction.Send, StepFacts.Send);
            state.OpenClientSocket(hop.Name, hop.Packet.Inner.Protocol, hop.Packet.Inner.SourcePort);
            return;
        }

        hop.Enter(StepAction.Receive, StepFacts.Receive);
    }

    private static bool IsFirewall(HopContext hop) => hop.Node.Device.Firewall is not null;

    /// <summary>Routers, L3 switches and MX units spend one TTL per forward; an ASA only with set connection decrement-ttl.</summary>
    private static bool DecrementsTtl(NetworkNode node) => node.Kind switch
    {
        DeviceKind.Router or DeviceKind.L3Switch or DeviceKind.Mx => true,
        DeviceKind.Firewall => node.Device.Firewall?.DecrementTtl == true,
        _ => false,
    };

    /// <summary>Devices that keep sessions: firewalls (state and NAT) and MX units that NAT (translations).</summary>
    private static bool KeepsSessions(HopContext hop) =>
        hop.Node.Device.Firewall is not null || hop.Node.Device.Mx is { Mode: MxMode.Routed, Nat: true };
}
