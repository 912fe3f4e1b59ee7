using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// An address as a set of host pairs sees it: a constant of the design (a NAT address, a firewall's interface...),
/// or whatever the pair's source host's (or destination host's) address is. Constants are the address's value;
/// the two pair-dependent addresses are <see cref="PairSource"/> and <see cref="PairDestination"/>. Devices use the
/// same two numbers for the pair's own hosts.
/// </summary>
internal static class Tag
{
    public const int PairSource = -1;
    public const int PairDestination = -2;
}

/// <summary>An ICMP message with the flow an error reports on tagged like any other addresses.</summary>
internal sealed record AbstractIcmp(int Type, int Code, AbstractKey? Invoking)
{
    private static readonly AbstractIcmp EchoRequest = new(IcmpTypes.Echo, 0, null);
    private static readonly AbstractIcmp EchoReply = new(IcmpTypes.EchoReply, 0, null);

    /// <summary>A message that reports on no flow; the echoes every ping carries are shared.</summary>
    public static AbstractIcmp Of(int type, int code) =>
        (type, code) switch { (IcmpTypes.Echo, 0) => EchoRequest, (IcmpTypes.EchoReply, 0) => EchoReply, _ => new(type, code, null) };
}

internal readonly record struct AbstractHeader(Protocol Protocol, long Source, int SourcePort, long Destination, int DestinationPort, TcpFlags Flags,
    int Ttl, AbstractIcmp? Icmp);

internal readonly record struct AbstractPacket(AbstractHeader Inner, AbstractHeader? Outer);

internal readonly record struct AbstractKey(Protocol Protocol, long Source, int SourcePort, long Destination, int DestinationPort)
{
    public AbstractKey Reversed() => new(Protocol, Destination, DestinationPort, Source, SourcePort);
}

/// <summary>When, in one pair's exchange, something happened: which packet, how many devices it had crossed, and the order within that device.</summary>
internal readonly record struct EventTime(ExchangePhase Phase, int Count, int Sequence) : IComparable<EventTime>
{
    public int CompareTo(EventTime other) =>
        Phase != other.Phase ? (int)Phase - (int)other.Phase : Count != other.Count ? Count - other.Count : Sequence - other.Sequence;
}

internal enum EventKind : byte
{
    /// <summary>A device opened a session (or a NAT translation).</summary>
    Session,

    /// <summary>A session's TCP state changed; the session is the newest with the same content.</summary>
    Tcp,

    /// <summary>The packet of <see cref="HistoryEvent.Time"/>'s phase entered a device (loop detection).</summary>
    Crumb,

    /// <summary>A host sent from a port, so it accepts replies to it.</summary>
    Socket,

    /// <summary>A device had the request or the reply in clear.</summary>
    Clear,

    /// <summary>A one-armed concentrator took the request out of a tunnel.</summary>
    Concentrator,

    /// <summary>The request's and the reply's paths were compared once the reply arrived (null text: no difference).</summary>
    PathDifference,
}

/// <summary>
/// One thing that happened in an exchange that later steps or the outcome may read, with the pair's addresses and
/// hosts as tags. Which fields mean something depends on <see cref="Kind"/>. Immutable, and shared by every history
/// that holds it.
/// </summary>
/// <remarks>
/// Histories hold hundreds of thousands of events, most of them a breadcrumb per device entered, and they live as
/// long as a round: the parts only some kinds use (a session's keys, a packet) are kept apart, and a breadcrumb's
/// packet is the one its present already holds, so an event is a third of the size it would be with every field
/// inline.
/// </remarks>
internal sealed class HistoryEvent : IEquatable<HistoryEvent>
{
    private readonly SessionFacts? _session;

    // Null, the present whose packet entered the device (a breadcrumb), or a packet of its own.
    private readonly object? _packet;
    private int? _hash;

    public HistoryEvent(
        EventKind Kind,
        EventTime Time,
        int Device,
        AbstractKey Original = default,
        AbstractKey Translated = default,
        string? In = null,
        string? Out = null,
        TcpState? Tcp = null,
        AbstractPacket Packet = default,
        Protocol Protocol = Protocol.Any,
        int Port = 0,
        string? Text = null,
        bool TranslationOnly = false)
        : this(Kind, Time, Device, In, Protocol, Port, Text, Packet == default ? null : new PacketOf(Packet))
    {
        if (Original != default || Translated != default || Out is not null || Tcp is not null || TranslationOnly)
        {
            _session = new SessionFacts(Original, Translated, Out, Tcp, TranslationOnly);
        }
    }

    private HistoryEvent(EventKind kind, EventTime time, int device, string? ingress, Protocol protocol, int port, string? text, object? packet) =>
        (Kind, Time, Device, In, Protocol, Port, Text, _packet) = (kind, time, device, ingress, protocol, port, text, packet);

    /// <summary>The breadcrumb of <paramref name="present"/>'s packet entering <paramref name="device"/> by its ingress.</summary>
    public static HistoryEvent Crumb(Present present, EventTime time, int device) =>
        new(EventKind.Crumb, time, device, present.Ingress, Protocol.Any, 0, null, present.Packet == default ? null : present);

    public EventKind Kind { get; }

    public EventTime Time { get; }

    public int Device { get; }

    public string? In { get; }

    public Protocol Protocol { get; }

    public int Port { get; }

    public string? Text { get; }

    public AbstractKey Original => _session?.Original ?? default;

    public AbstractKey Translated => _session?.Translated ?? default;

    public string? Out => _session?.Out;

    public TcpState? Tcp => _session?.Tcp;

    public bool TranslationOnly => _session?.TranslationOnly ?? false;

    public AbstractPacket Packet => _packet switch
    {
        Present present => present.Packet,
        PacketOf own => own.Packet,
        _ => default,
    };

    public bool Equals(HistoryEvent? other) =>
        ReferenceEquals(this, other) || (other is not null && GetHashCode() == other.GetHashCode() && Kind == other.Kind && Time == other.Time
            && Device == other.Device && In == other.In && Protocol == other.Protocol && Port == other.Port && Text == other.Text
            && _session == other._session && Packet == other.Packet);

    public override bool Equals(object? obj) => Equals(obj as HistoryEvent);

    // Events are hashed whenever a history is extended or compared: the hash is worked out once.
    public override int GetHashCode() => _hash ??= HashCode.Combine(HashCode.Combine(Kind, Time, Device, Original, Translated, In, Out),
        HashCode.Combine(Tcp, Packet, Protocol, Port, Text, TranslationOnly));

    /// <summary>
    /// Whether <paramref name="change"/> (a TCP state change) is about the session this event opened: the same device,
    /// addresses, ports and interfaces. Firewalls along one path hold sessions that differ only by their device.
    /// </summary>
    public bool IsSessionOf(HistoryEvent change) =>
        Device == change.Device && Original == change.Original && Translated == change.Translated && In == change.In && Out == change.Out;

    public override string ToString() => $"{Kind} at {Time} on {Device}";

    private sealed record SessionFacts(AbstractKey Original, AbstractKey Translated, string? Out, TcpState? Tcp, bool TranslationOnly);

    private sealed record PacketOf(AbstractPacket Packet);
}

/// <summary>
/// A history: events in the order they happened, kept as a chain of immutable segments so that many blocks can share
/// a past and extend it cheaply. Histories compare by their events (with a hash computed once).
/// </summary>
internal sealed class History : IEquatable<History>
{
    public static History Empty { get; } = new(null, []);

    private readonly History? _parent;
    private readonly HistoryEvent[] _events;
    private readonly int _hash;
    private HistoryEvent[]? _all;

    /// <summary>A 128-bit filter of what the history mentions (see <see cref="Mentions"/>): a clear bit means certainly not.</summary>
    private readonly UInt128 _mentionFilter;

    /// <summary>Which packets' loop breadcrumbs the history holds (bit per phase), and which kinds of event it holds (bit per kind).</summary>
    private readonly int _crumbPhases;
    private readonly int _kinds;

    private History(History? parent, HistoryEvent[] events)
    {
        _parent = parent is { Length: 0 } ? null : parent;
        _events = events;
        Length = (_parent?.Length ?? 0) + events.Length;

        // A rolling hash, so that the same events give the same hash however they are split into segments.
        var hash = _parent?._hash ?? 17;
        foreach (var e in events)
        {
            hash = unchecked((hash * 486_187_739) + e.GetHashCode());
        }

        _hash = hash;
        var filter = _parent?._mentionFilter ?? UInt128.Zero;
        var (crumbPhases, kinds) = (_parent?._crumbPhases ?? 0, _parent?._kinds ?? 0);
        foreach (var e in events)
        {
            filter |= MentionBit(MentionKind(e.Kind), e.Device, e.Time.Phase);
            crumbPhases |= e.Kind == EventKind.Crumb ? 1 << (int)e.Time.Phase : 0;
            kinds |= 1 << (int)e.Kind;
        }

        (_mentionFilter, _crumbPhases, _kinds) = (filter, crumbPhases, kinds);
    }

    public int Length { get; }

    /// <summary>Whether some event of this kind is in the history, answered without reading the events.</summary>
    public bool Holds(EventKind kind) => (_kinds & (1 << (int)kind)) != 0;

    public bool IsEmpty => Length == 0;

    public History Append(IReadOnlyList<HistoryEvent> events) => events.Count == 0 ? this : new(this, [.. events]);

    /// <summary>
    /// This history without what no step of <paramref name="phase"/> or later reads: loop breadcrumbs of other packets,
    /// and, once the path difference is decided, where the request and reply were in clear. The same history when it
    /// holds none of those, which is decided without reading its events.
    /// </summary>
    public History WithoutStale(ExchangePhase phase, bool pathDecided)
    {
        var staleCrumbs = (_crumbPhases & ~(1 << (int)phase)) != 0;
        if (!staleCrumbs && !(pathDecided && Holds(EventKind.Clear)))
        {
            return this;
        }

        // Many classes share one block's history, and each forgets the same events at the same phase change.
        var key = StaleKey(phase, pathDecided);
        if (_forgotten is { } known && known.Key == key)
        {
            return known.Result;
        }

        var all = All;
        var kept = new List<HistoryEvent>(all.Length);
        foreach (var e in all)
        {
            var stale = (e.Kind == EventKind.Crumb && e.Time.Phase != phase) || (pathDecided && e.Kind == EventKind.Clear);
            if (!stale)
            {
                kept.Add(e);
            }
        }

        var result = Of(kept);
        _forgotten = (key, result);
        return result;
    }

    private (int Key, History Result)? _forgotten;

    /// <summary>One number per (phase, path decided): what a history or a side remembers having forgotten for.</summary>
    internal static int StaleKey(ExchangePhase phase, bool pathDecided) => (2 * (int)phase) + (pathDecided ? 1 : 0);

    /// <summary>This history and <paramref name="more"/> together, in time order.</summary>
    public History Then(History more)
    {
        if (more.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return more;
        }

        if (Newest.Time.CompareTo(more.Oldest.Time) < 0)
        {
            return new(this, more.All);
        }

        // Events from before this history's last one: keep one canonical order, so equal pasts compare equal.
        var merged = new HistoryEvent[Length + more.Length];
        All.CopyTo(merged, 0);
        more.All.CopyTo(merged, Length);
        Array.Sort(merged, (x, y) => x.Time.CompareTo(y.Time));
        return new(null, merged);
    }

    /// <summary>
    /// What two histories share, event for event (same content, same time), and what each has besides; the shared
    /// part can stay common to two classes that join, and only the rest has to go into their blocks. Null when some
    /// event of one's rest is in the other's rest at another time (see <see cref="AlikeButForTime"/>): such classes
    /// are not joined, and nothing is built for them.
    /// </summary>
    public static (History Shared, History OnlyFirst, History OnlySecond)? SplitUnlessShifted(History first, History second)
    {
        if (first.Equals(second))
        {
            return (first, Empty, Empty);
        }

        // Both are in time order and equal events happen at equal times: only events of one time need comparing.
        var (a, b) = (first.All, second.All);
        var (shared, onlyFirst, onlySecond) = (Scratch.Shared, Scratch.OnlyFirst, Scratch.OnlySecond);
        shared.Clear();
        onlyFirst.Clear();
        onlySecond.Clear();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var order = a[i].Time.CompareTo(b[j].Time);
            if (order < 0)
            {
                onlyFirst.Add(a[i++]);
            }
            else if (order > 0)
            {
                onlySecond.Add(b[j++]);
            }
            else
            {
                var (endA, endB) = (EndOfTime(a, i), EndOfTime(b, j));
                var taken = 0UL;
                for (var x = i; x < endA; x++)
                {
                    var match = -1;
                    for (var y = j; y < endB && y - j < 64 && match < 0; y++)
                    {
                        if ((taken & (1UL << (y - j))) == 0 && b[y].Equals(a[x]))
                        {
                            match = y;
                        }
                    }

                    if (match >= 0)
                    {
                        taken |= 1UL << (match - j);
                        shared.Add(a[x]);
                    }
                    else
                    {
                        onlyFirst.Add(a[x]);
                    }
                }

                for (var y = j; y < endB; y++)
                {
                    if (y - j >= 64 || (taken & (1UL << (y - j))) == 0)
                    {
                        onlySecond.Add(b[y]);
                    }
                }

                (i, j) = (endA, endB);
            }
        }

        onlyFirst.AddRange(a.AsSpan(i));
        onlySecond.AddRange(b.AsSpan(j));
        return AlikeButForTime(onlyFirst, onlySecond) ? null : (Of(shared), Of(onlyFirst), Of(onlySecond));
    }

    /// <summary>Lists reused by every split on one thread: analyses run on several threads, one analysis on one.</summary>
    private static class Scratch
    {
        [ThreadStatic]
        private static List<HistoryEvent>? _shared;

        [ThreadStatic]
        private static List<HistoryEvent>? _onlyFirst;

        [ThreadStatic]
        private static List<HistoryEvent>? _onlySecond;

        public static List<HistoryEvent> Shared => _shared ??= [];

        public static List<HistoryEvent> OnlyFirst => _onlyFirst ??= [];

        public static List<HistoryEvent> OnlySecond => _onlySecond ??= [];
    }

    private static int EndOfTime(HistoryEvent[] events, int start)
    {
        var end = start + 1;
        while (end < events.Length && events[end].Time == events[start].Time)
        {
            end++;
        }

        return end;
    }

    /// <summary>Whether some event of one list is in the other too, but at another time.</summary>
    private static bool AlikeButForTime(List<HistoryEvent> first, List<HistoryEvent> second)
    {
        if (first.Count == 0 || second.Count == 0)
        {
            return false;
        }

        // Usually a few events each: comparing every pair is cheaper than hashing them.
        if (first.Count * second.Count <= 256)
        {
            foreach (var x in first)
            {
                foreach (var y in second)
                {
                    if (UntimedComparer.Instance.Equals(x, y))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var untimed = new HashSet<HistoryEvent>(first, UntimedComparer.Instance);
        foreach (var e in second)
        {
            if (untimed.Contains(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares events by what happened, not when.</summary>
    private sealed class UntimedComparer : IEqualityComparer<HistoryEvent>
    {
        public static UntimedComparer Instance { get; } = new();

        public bool Equals(HistoryEvent? x, HistoryEvent? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Kind == y.Kind && x.Device == y.Device && x.Original == y.Original
                && x.Translated == y.Translated && x.In == y.In && x.Out == y.Out && x.Tcp == y.Tcp && x.Packet == y.Packet
                && x.Protocol == y.Protocol && x.Port == y.Port && x.Text == y.Text && x.TranslationOnly == y.TranslationOnly);

        public int GetHashCode(HistoryEvent e) => HashCode.Combine(e.Kind, e.Device, e.Original, e.Translated, e.In, e.Packet);
    }

    private static History Of(List<HistoryEvent> events) => events.Count == 0 ? Empty : new(null, [.. events]);

    // Read without building the whole history: joins ask for them on every class they canonicalise.
    private HistoryEvent Newest => _events.Length > 0 ? _events[^1] : _parent!.Newest;

    private HistoryEvent Oldest => _parent is null ? _events[0] : _parent.Oldest;

    /// <summary>Every event, oldest first (built once per history and shared).</summary>
    public HistoryEvent[] All
    {
        get
        {
            if (_all is not null)
            {
                return _all;
            }

            if (_parent is null)
            {
                return _all = _events;
            }

            // Segments are copied back to front down to the nearest history that has its events in one array already.
            // Only this history keeps the result: keeping every ancestor's too made a chain of n segments allocate
            // n arrays the first time it was read.
            var all = new HistoryEvent[Length];
            var end = Length;
            for (var history = this; ; history = history._parent)
            {
                if (!ReferenceEquals(history, this) && history._all is { } known)
                {
                    known.CopyTo(all, 0);
                    break;
                }

                end -= history._events.Length;
                history._events.CopyTo(all, end);
                if (history._parent is null)
                {
                    break;
                }
            }

            return _all = all;
        }
    }

    /// <summary>Whether an event of this kind about this device (for breadcrumbs, in this phase) is in the history; a TCP change counts as a session event.</summary>
    public bool Mentions(EventKind kind, int device, ExchangePhase phase)
    {
        if (!MayMention(kind, device, phase))
        {
            return false;
        }

        foreach (var e in All)
        {
            if (MentionKind(e.Kind) == kind && e.Device == device && (kind != EventKind.Crumb || e.Time.Phase == phase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False when the history certainly holds no such event, answered from its filter without reading the events.</summary>
    public bool MayMention(EventKind kind, int device, ExchangePhase phase) => (_mentionFilter & MentionBit(kind, device, phase)) != UInt128.Zero;

    /// <summary>The filter bits of every block's history, together.</summary>
    public static UInt128 MentionFilterOf(ReadOnlySpan<Block> blocks)
    {
        var filter = UInt128.Zero;
        foreach (var block in blocks)
        {
            filter |= block.History._mentionFilter;
        }

        return filter;
    }

    public static UInt128 MentionBit(EventKind kind, int device, ExchangePhase phase)
    {
        var hash = (uint)HashCode.Combine(kind, device, kind == EventKind.Crumb ? phase : default);
        return UInt128.One << (int)(hash & 127);
    }

    private static EventKind MentionKind(EventKind kind) => kind == EventKind.Tcp ? EventKind.Session : kind;

    public bool Equals(History? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._hash != _hash || other.Length != Length)
        {
            return false;
        }

        if (ReferenceEquals(_parent, other._parent) && _events.Length == other._events.Length)
        {
            return _events.AsSpan().SequenceEqual(other._events);
        }

        return All.AsSpan().SequenceEqual(other.All);
    }

    public override bool Equals(object? obj) => Equals(obj as History);

    public override int GetHashCode() => _hash;

    /// <summary>
    /// The events of the three histories of one pair (each in time order), merged in the order they happened, into
    /// <paramref name="into"/> when given (cleared first) so that a caller can reuse one list.
    /// </summary>
    public static List<HistoryEvent> Merge(History first, History second, History third, List<HistoryEvent>? into = null)
    {
        var all = into ?? new List<HistoryEvent>(first.Length + second.Length + third.Length);
        all.Clear();
        var (a, b, c) = (first.All, second.All, third.All);
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length || k < c.Length)
        {
            var next = 0;
            var earliest = i < a.Length ? a[i] : null;
            if (j < b.Length && (earliest is null || b[j].Time.CompareTo(earliest.Time) < 0))
            {
                (next, earliest) = (1, b[j]);
            }

            if (k < c.Length && (earliest is null || c[k].Time.CompareTo(earliest.Time) < 0))
            {
                next = 2;
            }

            all.Add(next switch { 0 => a[i++], 1 => b[j++], _ => c[k++] });
        }

        return all;
    }
}
