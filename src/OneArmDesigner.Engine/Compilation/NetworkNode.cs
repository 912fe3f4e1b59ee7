using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Compilation;

/// <summary>A device with what forwarding needs precomputed: its FIB, its interfaces' segments, its own addresses.</summary>
public sealed class NetworkNode(Device device)
{
    private readonly Dictionary<string, (Segment Segment, int Position)> _ports = new(StringComparer.Ordinal);
    private readonly HashSet<uint> _ownAddresses = OwnAddresses(device);

    // Only firewalls with static NAT or port forwards have mapped addresses: the set is made for the first.
    private HashSet<uint>? _mappedAddresses;

    public Device Device { get; } = device;

    public string Name => Device.Name;

    /// <summary>The node's position among its network's nodes: a number to name it by without hashing its name.</summary>
    public int Index { get; internal set; }

    public DeviceKind Kind => Device.Kind;

    public ForwardingTable Fib { get; } = new();

    /// <summary>For segments (VLAN, Internet): the segment this node is.</summary>
    public Segment? OwnSegment { get; internal set; }

    public bool Owns(Ipv4Address address) => _ownAddresses.Contains(address.Value);

    /// <summary>Whether the address is one of this firewall's mapped (static NAT or port-forward) addresses that no interface has.</summary>
    public bool OwnsMapped(Ipv4Address address) => _mappedAddresses?.Contains(address.Value) == true;

    internal void AddMapped(Ipv4Address address) => (_mappedAddresses ??= []).Add(address.Value);

    public Segment? SegmentOf(string interfaceName) => _ports.TryGetValue(interfaceName, out var port) ? port.Segment : null;

    /// <summary>The segment an interface is plugged into, and the interface's position among its members.</summary>
    internal bool TryGetPort(string interfaceName, out Segment segment, out int position)
    {
        var found = _ports.TryGetValue(interfaceName, out var port);
        (segment, position) = port;
        return found;
    }

    internal void Plug(string interfaceName, Segment segment, int position) => _ports[interfaceName] = (segment, position);

    /// <summary>The interface as a member of the segment it is plugged into; null when it is plugged into none.</summary>
    internal Attachment? AttachmentOf(string interfaceName) => TryGetPort(interfaceName, out var segment, out var position) ? segment.Members[position] : null;

    /// <remarks>Indexed, as the forwarding path's loops over design lists are: a foreach over an IReadOnlyList allocates an enumerator.</remarks>
    public DeviceInterface? Interface(string name)
    {
        var interfaces = Device.Interfaces;
        for (var i = 0; i < interfaces.Count; i++)
        {
            if (string.Equals(interfaces[i].Name, name, StringComparison.Ordinal))
            {
                return interfaces[i];
            }
        }

        return null;
    }

    /// <summary>The interface whose subnet holds the address, if any.</summary>
    public DeviceInterface? ConnectedInterfaceFor(Ipv4Address address)
    {
        var interfaces = Device.Interfaces;
        for (var i = 0; i < interfaces.Count; i++)
        {
            var candidate = interfaces[i];
            if (candidate.Address is { } prefix && prefix.Contains(address))
            {
                return candidate;
            }
        }

        return null;
    }

    public Ipv4Address? AddressOf(string interfaceName) => Interface(interfaceName)?.Address?.Address;

    private static HashSet<uint> OwnAddresses(Device device)
    {
        var addresses = new HashSet<uint>(device.Interfaces.Count);
        foreach (var face in device.Interfaces)
        {
            if (face.Address is { } address)
            {
                addresses.Add(address.Address.Value);
            }
        }

        return addresses;
    }
}
