using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>
/// One thing a device did to a packet. <see cref="Before"/> and <see cref="After"/> carry inner and outer headers;
/// <see cref="Evidence"/> names what decided it (a route, a session, a rule, a NAT entry); <see cref="Detail"/> is the
/// plain-English sentence for people, written from these fields.
/// </summary>
public sealed record Step(
    string Device,
    StepAction Action,
    Packet Before,
    Packet After,
    string Detail,
    string? Ingress = null,
    string? Egress = null,
    string? Evidence = null,
    LinkCrossing? Crossing = null,
    IReadOnlyList<SessionEvent>? SessionEvents = null);

/// <summary>
/// The cable(s) a packet crossed to reach the next device: through a segment that is two links (device → segment →
/// device). <see cref="LinkIndexes"/> point into the design's link list so a canvas can animate along them.
/// </summary>
public sealed record LinkCrossing(string FromDevice, string FromInterface, string ToDevice, string? ToInterface, string? Segment, IReadOnlyList<int> LinkIndexes)
{
    public override string ToString() => Segment is null
        ? $"{FromDevice}:{FromInterface} → {ToDevice}:{ToInterface}"
        : $"{FromDevice}:{FromInterface} → {Segment} → {ToDevice}{(ToInterface is null ? "" : ":" + ToInterface)}";
}
