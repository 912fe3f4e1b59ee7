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

    private RecordedHop[] _hops = new RecordedHop[16];
    private StepFacts[] _steps = new StepFacts[64];
    private Packet[] _packets = new Packet[32];
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
        t_idle = this;
        return record;
    }

    public void BeginHop(string device, string? ingress) => Append(ref _hops, ref _hopCount, new RecordedHop(device, ingress, _stepCount));

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
            if (hop.FirstStep < _stepCount && string.Equals(hop.Device, device, StringComparison.Ordinal)
                && string.Equals(hop.Ingress, ingress, StringComparison.Ordinal))
            {
                var entered = _packets[_steps[hop.FirstStep].Before];
                if (entered.IsEncapsulated == packet.IsEncapsulated && entered.Routed == routed)
                {
                    return true;
                }
            }
        }

        return false;
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
