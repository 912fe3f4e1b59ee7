using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Compilation;

/// <summary>A device interface plugged into a segment, and the index of its cable in the design's link list.</summary>
public sealed record Attachment(string Device, string Interface, Ipv4Address? Address, int LinkIndex);

/// <summary>
/// A broadcast domain: a VLAN or the Internet (named), or the two ends of a direct cable (unnamed). Neighbour
/// resolution happens here: which attached interface owns an address.
/// </summary>
/// <remarks>
/// Members are also known by their position in <see cref="Members"/>, which the forwarding path uses to reach the
/// member's node and the prebuilt crossings without looking anything up by name.
/// </remarks>
public sealed class Segment(int id, string? name, bool isInternet)
{
    /// <summary>A segment with more members than this builds member-to-member crossings as packets cross (n² would not pay).</summary>
    private const int MaxMembersForPrebuiltCrossings = 32;

    private readonly List<Attachment> _members = [];
    private readonly List<NetworkNode> _memberNodes = [];
    private readonly Dictionary<uint, int> _positionByAddress = [];
    private readonly Dictionary<(string Device, string Interface), int> _positionByPort = [];
    private LinkCrossing[,]? _crossings;
    private LinkCrossing[] _intoInternet = [];
    private LinkCrossing[] _outOfInternet = [];

    public int Id { get; } = id;

    /// <summary>The VLAN or Internet device's name; null for a direct cable.</summary>
    public string? Name { get; } = name;

    public bool IsInternet { get; } = isInternet;

    public IReadOnlyList<Attachment> Members => _members;

    /// <summary>The VLAN or Internet device this segment is; null for a direct cable.</summary>
    internal NetworkNode? Owner { get; init; }

    public Attachment? Resolve(Ipv4Address address) => TryResolve(address, out var position) ? _members[position] : null;

    /// <summary>Where this device interface plugs in (the Internet segment of a large design has thousands of members).</summary>
    public Attachment AttachmentOf(string device, string interfaceName) => _members[_positionByPort[(device, interfaceName)]];

    /// <summary>Plugs a node's interface in; returns its position among the members.</summary>
    internal int Attach(Attachment attachment, NetworkNode node)
    {
        var position = _members.Count;
        _members.Add(attachment);
        _memberNodes.Add(node);
        _positionByPort[(attachment.Device, attachment.Interface)] = position;
        if (attachment.Address is { } address)
        {
            _positionByAddress.TryAdd(address.Value, position);
        }

        return position;
    }

    /// <summary>
    /// Makes the member at <paramref name="position"/> answer for an address it does not own: a firewall's mapped (NAT)
    /// address it proxy-ARPs for, or on the Internet one the provider routes to it. An interface that owns the address
    /// keeps it.
    /// </summary>
    internal void AnswerFor(Ipv4Address address, int position) => _positionByAddress.TryAdd(address.Value, position);

    /// <summary>The position of the member that owns the address (the first one attached, if several claim it).</summary>
    internal bool TryResolve(Ipv4Address address, out int position) => _positionByAddress.TryGetValue(address.Value, out position);

    /// <summary>Every address some member answers ARP for: its interfaces' and the NAT addresses it publishes.</summary>
    internal IEnumerable<Ipv4Address> AnsweredAddresses => _positionByAddress.Keys.Select(a => new Ipv4Address(a));

    internal Attachment MemberAt(int position) => _members[position];

    internal NetworkNode NodeAt(int position) => _memberNodes[position];

    /// <summary>
    /// Builds the crossings packets will report, once, so that tracing shares them instead of allocating one per
    /// forward. Called by the compiler when every member is attached.
    /// </summary>
    internal void BuildCrossings()
    {
        if (_members.Count <= MaxMembersForPrebuiltCrossings)
        {
            _crossings = new LinkCrossing[_members.Count, _members.Count];
            for (var from = 0; from < _members.Count; from++)
            {
                for (var to = 0; to < _members.Count; to++)
                {
                    _crossings[from, to] = NewCrossing(_members[from], _members[to]);
                }
            }
        }

        if (IsInternet)
        {
            _intoInternet = [.. _members.Select(m => new LinkCrossing(m.Device, m.Interface, Name!, null, null, [m.LinkIndex]))];
            _outOfInternet = [.. _members.Select(m => new LinkCrossing(Name!, "", m.Device, m.Interface, null, [m.LinkIndex]))];
        }
    }

    /// <summary>From one member to another across this segment (or along the cable, when it is one).</summary>
    internal LinkCrossing CrossingBetween(int from, int to) => _crossings is { } built ? built[from, to] : NewCrossing(_members[from], _members[to]);

    /// <summary>From a member to its Internet provider (this segment is the Internet).</summary>
    internal LinkCrossing CrossingIntoInternet(int from) => _intoInternet[from];

    /// <summary>From the Internet to the member that owns the destination (this segment is the Internet).</summary>
    internal LinkCrossing CrossingOutOfInternet(int to) => _outOfInternet[to];

    private LinkCrossing NewCrossing(Attachment from, Attachment to) =>
        new(from.Device, from.Interface, to.Device, to.Interface, Name, Name is null ? [from.LinkIndex] : [from.LinkIndex, to.LinkIndex]);
}
