using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>
/// One packet on its way: the device it is about to enter, by which interface, the packet as it arrives there, and
/// how many devices it has crossed. <see cref="PacketWalker.Step"/> moves it one device on.
/// </summary>
internal sealed class PacketWalk(string kind, NetworkNode origin, Packet packet, TraceRecorder recorder)
{
    public string Kind { get; } = kind;

    public NetworkNode Node { get; set; } = origin;

    /// <summary>The interface the packet enters <see cref="Node"/> by; null at the origin.</summary>
    public string? Ingress { get; set; }

    public Packet Packet { get; set; } = packet;

    /// <summary>Devices crossed so far: 0 while the packet is still at its origin.</summary>
    public int Count { get; set; }

    public TraceRecorder Recorder { get; } = recorder;
}
