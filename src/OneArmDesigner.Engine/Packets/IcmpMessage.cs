using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Packets;

/// <summary>
/// What an ICMP packet says: its type and code, and for an error (unreachable, time exceeded) the flow of the packet
/// it reports on, as that packet's header stood where the error was sent. Devices that track or translate that flow
/// find their session by it, as an ASA with <c>inspect icmp</c> and Linux conntrack do.
/// </summary>
public sealed record IcmpMessage(int Type, int Code, FlowKey? Invoking = null)
{
    public static IcmpMessage EchoRequest { get; } = new(IcmpTypes.Echo, 0);

    public static IcmpMessage EchoReply { get; } = new(IcmpTypes.EchoReply, 0);

    /// <summary>A message that reports on no flow; the echoes every ping carries are shared, as records compare by value.</summary>
    public static IcmpMessage Of(int type, int code) =>
        (type, code) switch { (IcmpTypes.Echo, 0) => EchoRequest, (IcmpTypes.EchoReply, 0) => EchoReply, _ => new(type, code) };

    public static IcmpMessage PortUnreachable(FlowKey invoking) => new(IcmpTypes.Unreachable, IcmpTypes.PortUnreachableCode, invoking);

    public bool IsError => IcmpTypes.IsError(Type);

    /// <summary>Queries that open a conversation (echo, timestamp, information, mask requests) rather than answer one.</summary>
    public bool IsRequest => Type is IcmpTypes.Echo or 13 or 15 or 17;

    /// <summary>How people say it: "echo request", "port unreachable", "time exceeded".</summary>
    public string Name => (Type, Code) switch
    {
        (IcmpTypes.Echo, _) => "echo request",
        (IcmpTypes.EchoReply, _) => "echo reply",
        (IcmpTypes.Unreachable, IcmpTypes.PortUnreachableCode) => "port unreachable",
        (IcmpTypes.Unreachable, _) => "destination unreachable",
        (IcmpTypes.TimeExceeded, _) => "time exceeded",
        _ => IcmpTypes.Keyword(Type),
    };

    public override string ToString() => $"{Name} (type {Type}, code {Code})";
}
