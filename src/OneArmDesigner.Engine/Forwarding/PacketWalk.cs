using System.Diagnostics;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>
/// One packet on its way: the device it is about to enter, by which interface, the packet as it arrives there, and
/// how many devices it has crossed. <see cref="PacketWalker.Step"/> moves it one device on.
/// </summary>
/// <remarks>An exchange's packets travel one after another, so the next packet reuses the walk (<see cref="Restart"/>).</remarks>
internal sealed class PacketWalk(string kind, NetworkNode origin, Packet packet, TraceRecorder recorder)
{
    public string Kind { get; private set; } = kind;

    public NetworkNode Node { get; set; } = origin;

    private string? _ingress;

    /// <summary>The interface the packet enters <see cref="Node"/> by; null at the origin.</summary>
    public string? Ingress
    {
        get => _ingress;
        set
        {
            _ingress = value;
            Arrival = null;
        }
    }

    /// <summary>That interface as a segment member, when the walker forwarded the packet there (a walk resumed by name has none).</summary>
    public Attachment? Arrival { get; private set; }

    /// <summary>Moves the packet to <paramref name="node"/>, entering by <paramref name="arrival"/> (null: the Internet).</summary>
    public void Arrive(NetworkNode node, Attachment? arrival)
    {
        Debug.Assert(arrival is null || arrival.Device == node.Name, "A packet arrives at one of the node's own interfaces.");
        Node = node;
        Ingress = arrival?.Interface;
        Arrival = arrival;
    }

    public Packet Packet { get; set; } = packet;

    /// <summary>Devices crossed so far: 0 while the packet is still at its origin.</summary>
    public int Count { get; set; }

    public TraceRecorder Recorder { get; private set; } = recorder;

    /// <summary>
    /// False for a walk rebuilt part-way from an analysis's past (its record would start mid-way and nobody reads it)
    /// and for a pair the analysis traces only for its outcome: a finished packet keeps only where it ended and how
    /// (see <see cref="TraceRecorder.FinishEndOnly"/>). Holds for the packets after it too (<see cref="Restart"/>).
    /// </summary>
    public bool KeepsRecord { get; set; } = true;

    /// <summary>Where a walk that keeps no record leaves what the analysis reads of its path, when it reads it.</summary>
    public PathFacts? Facts { get; set; }

    /// <summary>Makes this finished walk the start of the next packet's, at <paramref name="origin"/>, with a recorder of its own.</summary>
    public PacketWalk Restart(string kind, NetworkNode origin, Packet packet)
    {
        Kind = kind;
        Node = origin;
        Ingress = null;
        Packet = packet;
        Count = 0;
        Recorder = TraceRecorder.Start();
        return this;
    }
}
