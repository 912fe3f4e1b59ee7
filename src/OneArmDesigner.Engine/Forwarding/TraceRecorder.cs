using System.Diagnostics;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>
/// Collects one packet's hops and steps into buffers kept per thread, and hands back exactly sized arrays when the
/// walk ends: tracing many packets then allocates only what the traces keep, not the buffers' growth.
/// </summary>
internal sealed class TraceRecorder
{
    [ThreadStatic]
    private static TraceRecorder? t_idle;

    // Small to start with: a thread's recorder grows once and is reused, while the analysis keeps many recorders
    // alive at once, each for a few steps of one walk.
    private RecordedHop[] _hops = new RecordedHop[8];
    private StepFacts[] _steps = new StepFacts[8];
    private Packet[] _packets = new Packet[8];
    private int _hopCount;
    private int _stepCount;
    private int _packetCount;

    /// <summary>A cleared recorder; the thread's idle one when it has one (a nested walk gets its own).</summary>
    public static TraceRecorder Start()
    {
        var recorder = t_idle ?? new TraceRecorder();
        t_idle = null;
        recorder._hopCount = recorder._stepCount = recorder._packetCount = 0;
        return recorder;
    }

    /// <summary>The walk as recorded; the recorder goes back to the thread for its next walk.</summary>
    public TraceRecord Finish()
    {
        var record = new TraceRecord(_hops[.._hopCount], _steps[.._stepCount], _packets[.._packetCount]);
        Release();
        return record;
    }

    /// <summary>
    /// The walk reduced to what the exchange reads once it ends (where it ended and the packet as it ended), for a walk
    /// whose record nobody keeps: the analysis's walks rebuilt part-way from a past, and pairs it traces only for
    /// their outcome, whose path is first read into <paramref name="facts"/>. Nothing is copied but that packet.
    /// </summary>
    public TraceRecord FinishEndOnly(PathFacts? facts = null)
    {
        ReadOnlySpan<RecordedHop> hops = _hops.AsSpan(0, _hopCount);
        ReadOnlySpan<StepFacts> steps = _steps.AsSpan(0, _stepCount);
        ReadOnlySpan<Packet> packets = _packets.AsSpan(0, _packetCount);
        facts?.Read(hops, steps, packets);
        var final = TraceRecord.FinalPacketOf(hops, steps, packets);
        var record = new TraceRecord([new RecordedHop(_hops[_hopCount - 1].Place, 0, 0, StepKind.Receive)], [], [final]);
        Release();
        return record;
    }

    /// <summary>Gives the recorder back to the thread without keeping a record: its walk is abandoned.</summary>
    public void Release() => t_idle = this;

    /// <param name="arrival">The ingress as a segment member, when the walk has it: the record then keeps that one reference.</param>
    public void BeginHop(string device, string? ingress, Attachment? arrival = null) =>
        Append(ref _hops, ref _hopCount, new RecordedHop(RecordedHop.PlaceOf(device, ingress, arrival), _stepCount));

    /// <summary>The step the hop in progress begins with (a send or a receive of the stored packet <paramref name="packet"/>).</summary>
    public void Enter(StepKind kind, int packet)
    {
        ref var hop = ref _hops[_hopCount - 1];
        Debug.Assert(hop.FirstStep == _stepCount && hop.EntryKind is null, "A hop's entry is its first step.");
        hop = hop with { EnteredPacket = checked((ushort)packet), EntryKind = kind };
    }

    /// <summary>Adds a step whose packets were stored with <see cref="Keep"/>.</summary>
    public void AddStep(in StepFacts recorded) => Append(ref _steps, ref _stepCount, recorded);

    /// <summary>
    /// True when this very packet, TTL included, already entered this device by this interface on this walk: the routes
    /// form a loop on which nothing spends TTL. A hop's first step always sees the packet as it entered.
    /// </summary>
    public bool HasEntered(string device, string? ingress, Packet packet)
    {
        var routed = packet.Routed;
        for (var h = 0; h < _hopCount; h++)
        {
            var hop = _hops[h];
            if ((hop.EntryKind is not null || hop.FirstStep < _stepCount) && string.Equals(hop.Device, device, StringComparison.Ordinal)
                && string.Equals(hop.Ingress, ingress, StringComparison.Ordinal))
            {
                var entered = _packets[hop.EntryKind is not null ? hop.EnteredPacket : _steps[hop.FirstStep].Before];
                if (entered.IsEncapsulated == packet.IsEncapsulated && entered.Routed == routed)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Records that the walk already entered <paramref name="device"/> with <paramref name="packet"/>, as if a hop had
    /// begun there: the analysis resumes walks part-way and loop detection must see where they have been.
    /// </summary>
    internal void Seed(NetworkNode device, string? ingress, Packet packet)
    {
        BeginHop(device.Name, ingress, ingress is null ? null : device.AttachmentOf(ingress));
        Enter(StepKind.Receive, Keep(packet));
    }

    /// <summary>The steps of the hop in progress (the last one begun), with the packet states they saw.</summary>
    internal void VisitLastHop(IHopObserver observer)
    {
        var hop = _hops[_hopCount - 1];
        if (hop.EntryKind is not null)
        {
            var entered = _packets[hop.EnteredPacket];
            observer.Saw(hop.Entry.Action, entered, entered);
        }

        for (var s = hop.FirstStep; s < _stepCount; s++)
        {
            var step = _steps[s];
            observer.Saw(step.Action, _packets[step.Before], _packets[step.After]);
        }
    }

    /// <summary>Stores a state of the packet and returns its index; a state equal to the last one stored is shared.</summary>
    public int Keep(in Packet packet)
    {
        if (_packetCount > 0 && _packets[_packetCount - 1] == packet)
        {
            return _packetCount - 1;
        }

        Append(ref _packets, ref _packetCount, packet);
        return _packetCount - 1;
    }

    private static void Append<T>(ref T[] buffer, ref int count, in T item)
    {
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        buffer[count++] = item;
    }
}
