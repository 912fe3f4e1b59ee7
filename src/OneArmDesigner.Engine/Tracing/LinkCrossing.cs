namespace OneArmDesigner.Engine.Tracing;

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
