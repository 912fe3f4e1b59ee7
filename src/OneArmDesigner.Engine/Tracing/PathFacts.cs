using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>
/// What the analysis asks of a traced pair's path: the devices the request and the reply each met in clear, and
/// where the request was taken out of a tunnel. Read from each packet's record as the packet finishes, so a pair
/// traced only for its outcome need not keep its records (on the hub and spoke, a quarter of the matrix's allocation).
/// </summary>
internal sealed class PathFacts
{
    private int _packetsRead;

    public List<string> RequestInClear { get; } = [];

    public List<string> ReplyInClear { get; } = [];

    public List<string> RequestDecapsulatedAt { get; } = [];

    /// <summary>Ready for another exchange; the lists are reused.</summary>
    public PathFacts Clear()
    {
        _packetsRead = 0;
        RequestInClear.Clear();
        ReplyInClear.Clear();
        RequestDecapsulatedAt.Clear();
        return this;
    }

    /// <summary>Reads the exchange's next packet, in order; packets after the reply tell the analysis nothing more.</summary>
    public void Read(ReadOnlySpan<RecordedHop> hops, ReadOnlySpan<StepFacts> steps, ReadOnlySpan<Packet> packets)
    {
        switch (_packetsRead++)
        {
            case 0:
                TraceRecord.CollectDevicesInClear(hops, steps, packets, RequestInClear);
                TraceRecord.CollectDevicesTaking(StepAction.Decapsulate, hops, steps, RequestDecapsulatedAt);
                break;
            case 1:
                TraceRecord.CollectDevicesInClear(hops, steps, packets, ReplyInClear);
                break;
        }
    }
}
