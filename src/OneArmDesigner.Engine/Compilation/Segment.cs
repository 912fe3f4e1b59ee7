using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Compilation;

/// <summary>A device interface plugged into a segment, and the index of its cable in the design's link list.</summary>
public sealed record Attachment(string Device, string Interface, Ipv4Address? Address, int LinkIndex);

/// <summary>
/// A broadcast domain: a VLAN or the Internet (named), or the two ends of a direct cable (unnamed). Neighbour
/// resolution happens here: which attached interface owns an address.
/// </summary>
public sealed class Segment(int id, string? name, bool isInternet)
{
    private readonly List<Attachment> _members = [];
    private readonly Dictionary<uint, Attachment> _byAddress = [];
    private readonly Dictionary<(string Device, string Interface), Attachment> _byPort = [];
    private readonly Dictionary<Attachment, int> _positionOf = new(ReferenceEqualityComparer.Instance);

    /// <summary>A segment with more members than this builds member-to-member crossings as packets cross (n² would not pay).</summary>
    private const int MaxMembersForPrebuiltCrossings = 32;

    private LinkCrossing[,]? _crossings;
    private LinkCrossing[] _intoInternet = [];
    private LinkCrossing[] _outOfInternet = [];

    public int Id { get; } = id;

    /// <summary>The VLAN or Internet device's name; null for a direct cable.</summary>
    public string? Name { get; } = name;

    public bool IsInternet { get; } = isInternet;

    public IReadOnlyList<Attachment> Members => _members;

    public void Attach(Attachment attachment)
    {
        _positionOf[attachment] = _members.Count;
        _members.Add(attachment);
        _byPort[(attachment.Device, attachment.Interface)] = attachment;
        if (attachment.Address is { } address)
        {
            _byAddress.TryAdd(address.Value, attachment);
        }
    }

    public Attachment? Resolve(Ipv4Address address) => _byAddress.GetValueOrDefault(address.Value);

    /// <summary>Where this device interface plugs in (the Internet segment of a large design has thousands of members).</summary>
    public Attachment AttachmentOf(string device, string interfaceName) => _byPort[(device, interfaceName)];

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
    internal LinkCrossing CrossingBetween(Attachment from, Attachment to) =>
        _crossings is { } built ? built[_positionOf[from], _positionOf[to]] : NewCrossing(from, to);

    /// <summary>From a member to its Internet provider (this segment is the Internet).</summary>
    internal LinkCrossing CrossingIntoInternet(Attachment from) => _intoInternet[_positionOf[from]];

    /// <summary>From the Internet to the member that owns the destination (this segment is the Internet).</summary>
    internal LinkCrossing CrossingOutOfInternet(Attachment to) => _outOfInternet[_positionOf[to]];

    private LinkCrossing NewCrossing(Attachment from, Attachment to) =>
        new(from.Device, from.Interface, to.Device, to.Interface, Name, Name is null ? [from.LinkIndex] : [from.LinkIndex, to.LinkIndex]);
}
