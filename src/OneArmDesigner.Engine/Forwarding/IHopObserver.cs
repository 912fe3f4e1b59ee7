using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

/// <summary>Watches a walker's hops: each step of a hop, with the packet before and after it, as the hop ends.</summary>
internal interface IHopObserver
{
    void Saw(StepAction action, Packet before, Packet after);
}
