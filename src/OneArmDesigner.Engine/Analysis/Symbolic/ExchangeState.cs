using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// An address as a set of host pairs sees it: a constant of the design (a NAT address, a firewall's interface...),
/// or whatever the pair's source host's (or destination host's) address is. Constants are the address's value;
/// the two pair-dependent addresses are <see cref="PairSource"/> and <see cref="PairDestination"/>.
/// </summary>
internal static class Tag
{
    public const long PairSource = -1;
    public const long PairDestination = -2;

    public static bool IsPairAddress(long tag) => tag < 0;
}

internal readonly record struct AbstractHeader(Protocol Protocol, long Source, int SourcePort, long Destination, int DestinationPort, TcpFlags Flags, int Ttl);

internal readonly record struct AbstractPacket(AbstractHeader Inner, AbstractHeader? Outer);

internal readonly record struct AbstractKey(Protocol Protocol, long Source, int SourcePort, long Destination, int DestinationPort);

/// <summary>A session with its addresses tagged; devices are numbered, the pair's hosts as -1 (source) and -2 (destination).</summary>
internal readonly record struct AbstractSession(int Device, AbstractKey Original, AbstractKey Translated, string In, string Out, TcpState? Tcp);

internal readonly record struct AbstractSocket(int Host, Protocol Protocol, int Port);

/// <summary>Where the packet on its way has already been, for loop detection: a device, the interface and the packet as it entered.</summary>
internal readonly record struct Breadcrumb(int Device, string? Ingress, AbstractPacket Entered);

/// <summary>
/// Everything about an exchange in progress that decides how it goes on, with the pair's own addresses and host names
/// replaced by tags: every host pair whose exchange reaches the same state goes on, and ends, the same way. States are
/// compared by value, so host pairs that reach equal states are carried on together as one.
/// </summary>
/// <remarks>
/// The packet on its way (where, by which interface, its headers, its breadcrumbs), every device's sessions, the
/// sockets hosts opened, and what the outcome needs from the past: the one-armed concentrator that took the request
/// out of the tunnel, and the devices that saw the request and the reply in clear, in order. The current device is
/// concrete (its configuration decides the next step); the pair's hosts elsewhere in the state are tags.
/// </remarks>
internal sealed class ExchangeState : IEquatable<ExchangeState>
{
    private readonly int _hash;

    public ExchangeState(int flowGroup, ExchangePhase phase, string kind, int count, int node, string? ingress, AbstractPacket packet,
        Breadcrumb[] breadcrumbs, AbstractSession[] sessions, AbstractSocket[] sockets, int concentrator, int[] requestClear, int[] replyClear)
    {
        FlowGroup = flowGroup;
        Phase = phase;
        Kind = kind;
        Count = count;
        Node = node;
        Ingress = ingress;
        Packet = packet;
        Breadcrumbs = breadcrumbs;
        Sessions = sessions;
        Sockets = sockets;
        Concentrator = concentrator;
        RequestClear = requestClear;
        ReplyClear = replyClear;
        _hash = ComputeHash();
    }

    public int FlowGroup { get; }

    public ExchangePhase Phase { get; }

    public string Kind { get; }

    /// <summary>Devices the packet on its way has crossed.</summary>
    public int Count { get; }

    /// <summary>The device the packet is about to enter (a number, never a tag).</summary>
    public int Node { get; }

    public string? Ingress { get; }

    public AbstractPacket Packet { get; }

    public Breadcrumb[] Breadcrumbs { get; }

    public AbstractSession[] Sessions { get; }

    public AbstractSocket[] Sockets { get; }

    /// <summary>The passthrough MX that first took the request out of a tunnel, or -1.</summary>
    public int Concentrator { get; }

    /// <summary>Devices that saw the request in clear, in the order it first reached them.</summary>
    public int[] RequestClear { get; }

    /// <summary>Devices that saw the reply in clear, in the order it first reached them.</summary>
    public int[] ReplyClear { get; }

    public bool Equals(ExchangeState? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && FlowGroup == other.FlowGroup && Phase == other.Phase
            && Count == other.Count && Node == other.Node && Concentrator == other.Concentrator && Kind == other.Kind
            && Ingress == other.Ingress && Packet == other.Packet && Breadcrumbs.AsSpan().SequenceEqual(other.Breadcrumbs)
            && Sessions.AsSpan().SequenceEqual(other.Sessions) && Sockets.AsSpan().SequenceEqual(other.Sockets)
            && RequestClear.AsSpan().SequenceEqual(other.RequestClear) && ReplyClear.AsSpan().SequenceEqual(other.ReplyClear)));

    public override bool Equals(object? obj) => Equals(obj as ExchangeState);

    public override int GetHashCode() => _hash;

    private int ComputeHash()
    {
        var hash = new HashCode();
        hash.Add(FlowGroup);
        hash.Add(Phase);
        hash.Add(Kind);
        hash.Add(Count);
        hash.Add(Node);
        hash.Add(Ingress);
        hash.Add(Packet);
        hash.Add(Concentrator);
        foreach (var crumb in Breadcrumbs)
        {
            hash.Add(crumb);
        }

        foreach (var session in Sessions)
        {
            hash.Add(session);
        }

        foreach (var socket in Sockets)
        {
            hash.Add(socket);
        }

        foreach (var device in RequestClear)
        {
            hash.Add(device);
        }

        hash.Add(-3);
        foreach (var device in ReplyClear)
        {
            hash.Add(device);
        }

        return hash.ToHashCode();
    }
}
