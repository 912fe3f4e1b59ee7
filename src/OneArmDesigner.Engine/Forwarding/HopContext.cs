using System.Diagnostics;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>
/// One device's work on one packet: the packet as it changes, and the steps it records. A walker reuses one context
/// for every hop (<see cref="Begin"/>), since a hop's state is never needed after the next hop starts.
/// </summary>
internal sealed class HopContext
{
    private TraceRecorder _recorder = null!;
    private Packet _packet;

    /// <summary>Where the current packet is stored in the recorder; -1 until a step needs it stored.</summary>
    private int _packetIndex = -1;

    public NetworkNode Node { get; private set; } = null!;

    public string Name => Node.Name;

    public string? Ingress { get; private set; }

    public bool IsOrigin { get; private set; }

    public Packet Packet
    {
        get => _packet;
        set
        {
            _packet = value;
            _packetIndex = -1;
        }
    }

    /// <summary>The header the device acts on now; read from the context so stages do not copy the whole packet.</summary>
    public PacketHeader Routed => _packet.Routed;

    public bool IsEncapsulated => _packet.IsEncapsulated;

    /// <summary>The routed header as it arrived, before any NAT: a new session records the flow this way.</summary>
    public PacketHeader Arrived { get; private set; }

    /// <summary>The session this packet matched on this device, and in which direction.</summary>
    public (Session Session, bool Forward)? Matched { get; set; }

    /// <summary>Set when the ingress interface had no access list, so the security-level rule decides once the exit is known.</summary>
    public bool SecurityLevelRuleApplies { get; set; }

    public Route? Route { get; set; }

    /// <summary>True once this device rewrote the packet's source address (source NAT).</summary>
    public bool SourceTranslated { get; set; }

    public string? Egress => Route?.Interface;

    /// <summary>Starts the packet's hop through <paramref name="node"/>, recording into <paramref name="recorder"/>.</summary>
    /// <param name="arrival">The interface entered, when the walk knows it as a segment member (the record then keeps it).</param>
    public void Begin(TraceRecorder recorder, NetworkNode node, string? ingress, Packet packet, bool isOrigin, Attachment? arrival = null)
    {
        _recorder = recorder;
        Node = node;
        Ingress = ingress;
        IsOrigin = isOrigin;
        Packet = packet;
        Arrived = packet.Routed;
        Matched = null;
        SecurityLevelRuleApplies = false;
        Route = null;
        SourceTranslated = false;
        recorder.BeginHop(node.Name, ingress, arrival);
    }

    /// <summary>Records a step that changed the packet to <paramref name="after"/> (and makes it current).</summary>
    public void Record(StepAction action, Packet after, in StepFacts facts)
    {
        var before = StoredPacket();
        _packet = after;
        _packetIndex = _recorder.Keep(after);
        _recorder.AddStep(facts.RecordedAs(action, before, _packetIndex));
    }

    /// <summary>Records the step the hop begins with: the device sends or receives the packet as it is.</summary>
    public void Enter(StepAction action, in StepFacts facts)
    {
        Debug.Assert(StepFacts.Entering(facts.Kind, 0).Action == action, "An entry step's action follows from its kind.");
        _recorder.Enter(facts.Kind, StoredPacket());
    }

    /// <summary>Records a step that looked at the packet without changing it.</summary>
    public void Note(StepAction action, in StepFacts facts)
    {
        var current = StoredPacket();
        _recorder.AddStep(facts.RecordedAs(action, current, current));
    }

    /// <summary>Consecutive steps on an unchanged packet share its stored state without comparing packets again.</summary>
    private int StoredPacket() => _packetIndex >= 0 ? _packetIndex : _packetIndex = _recorder.Keep(_packet);
}

internal enum HopResult
{
    Forwarded,
    Delivered,
    Dropped,
}

/// <summary>How a hop ended: handed to the next device, delivered, or dropped (with reason and vendor log).</summary>
/// <remarks>
/// Every stage of every hop returns one (as <c>HopOutcome?</c>), so it is kept to three references: a drop's details
/// live in their own object, made only when a packet is dropped, and the result is told by which field is set.
/// </remarks>
internal readonly struct HopOutcome
{
    private readonly HopDrop? _drop;

    private HopOutcome(NetworkNode? next, Attachment? arrival, HopDrop? drop)
    {
        Next = next;
        Arrival = arrival;
        _drop = drop;
    }

    public HopResult Result => _drop is not null ? HopResult.Dropped : Next is not null ? HopResult.Forwarded : HopResult.Delivered;

    public NetworkNode? Next { get; }

    /// <summary>The next device's interface the packet enters by (null for the Internet, which has none).</summary>
    public Attachment? Arrival { get; }

    public DropReason? Reason => _drop?.Reason;

    public string? Log => _drop?.Log;

    public string? Detail => _drop?.Detail.Text;

    /// <summary>The drop's explanation as it will be written, for whoever keeps it without reading it yet.</summary>
    public DeferredText? DeferredDetail => _drop?.Detail;

    public IcmpReport? IcmpSent => _drop?.IcmpSent;

    public static HopOutcome Deliver => default;

    public static HopOutcome Forward(NetworkNode next, Attachment? arrival) => new(next, arrival, null);

    public static HopOutcome Drop(DropReason reason, DeferredText detail, string? log = null, IcmpReport? icmpSent = null) =>
        new(null, null, new HopDrop(reason, log, detail, icmpSent));

    private sealed record HopDrop(DropReason Reason, string? Log, DeferredText Detail, IcmpReport? IcmpSent);
}
