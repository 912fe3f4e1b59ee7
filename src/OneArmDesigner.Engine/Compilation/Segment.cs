using OneArmDesigner.Domain.Addressing;

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

    public int Id { get; } = id;

    /// <summary>The VLAN or Internet device's name; null for a direct cable.</summary>
    public string? Name { get; } = name;

    public bool IsInternet { get; } = isInternet;

    public IReadOnlyList<Attachment> Members => _members;

    public void Attach(Attachment attachment)
    {
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
}
