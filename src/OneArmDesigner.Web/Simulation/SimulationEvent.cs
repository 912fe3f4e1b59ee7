namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// One event of a simulation stream. <c>type</c> is "step" for each step of each packet, "verdict" for the last event
/// of a successful stream, and "error" when the request could not be simulated (the stream then ends).
/// </summary>
public sealed record SimulationEvent
{
    public required int Seq { get; init; }

    public required string Type { get; init; }

    /// <summary>SYN, SYN-ACK, ACK, RST, UDP, UDP-REPLY, PORT-UNREACHABLE, ECHO, ECHO-REPLY.</summary>
    public string? Packet { get; init; }

    public int? PacketIndex { get; init; }

    public string? Device { get; init; }

    /// <summary>A step action: send, receive, session-match, filter, nat-destination, decapsulate, route, ...</summary>
    public string? Action { get; init; }

    public string? Ingress { get; init; }

    public string? Egress { get; init; }

    public LinkView? Link { get; init; }

    /// <summary>The narration: one plain sentence about this step.</summary>
    public string? Detail { get; init; }

    public string? Evidence { get; init; }

    public PacketView? Before { get; init; }

    public PacketView? After { get; init; }

    public IReadOnlyList<SessionChangeView>? Sessions { get; init; }

    /// <summary>On the last step of a packet: delivered or dropped.</summary>
    public string? Disposition { get; init; }

    public string? Reason { get; init; }

    public string? DropDevice { get; init; }

    /// <summary>The vendor's log line for a drop, where the device would log one.</summary>
    public string? Log { get; init; }

    /// <summary>On the verdict event: completed or failed.</summary>
    public string? Verdict { get; init; }

    public string? Summary { get; init; }

    /// <summary>On an error event: what was wrong, naming the field or the limit.</summary>
    public string? Message { get; init; }

    public IReadOnlyList<string>? Problems { get; init; }
}

public sealed record LinkView(string From, string FromInterface, string To, string? ToInterface, string? Segment, IReadOnlyList<int> LinkIndexes);

/// <param name="Icmp">For ICMP, what the message is: "echo request (type 8, code 0)", "port unreachable (type 3, code 3)".</param>
public sealed record HeaderView(string Protocol, string Source, int SourcePort, string Destination, int DestinationPort, string? Flags, int Ttl,
    string? Icmp = null);

public sealed record PacketView(HeaderView Inner, HeaderView? Outer);

public sealed record SessionChangeView(string Device, string Change, int Id, string Original, string Translated, string State, string InInterface, string OutInterface);
