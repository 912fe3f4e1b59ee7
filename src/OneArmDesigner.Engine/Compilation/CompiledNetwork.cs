using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Compilation;

/// <summary>
/// A design turned into forwarding state, built once and reused for any number of traces. Immutable after
/// <see cref="NetworkCompiler.Compile"/>; every trace keeps its own session tables.
/// </summary>
public sealed class CompiledNetwork
{
    private readonly Dictionary<string, NetworkNode> _nodes;
    private readonly Dictionary<uint, string> _vpnEndpoints = [];

    internal CompiledNetwork(Design design, Dictionary<string, NetworkNode> nodes, IReadOnlyList<Segment> segments)
    {
        Design = design;
        _nodes = nodes;
        Segments = segments;
        var index = 0;
        foreach (var node in nodes.Values)
        {
            node.Index = index++;
            if (VpnContact(node) is { } contact)
            {
                _vpnEndpoints.TryAdd(contact.Address.Value, node.Name);
            }

            if (node.Device.Mx is { } mx && node.AddressOf(mx.Uplink) is { } uplink)
            {
                _vpnEndpoints.TryAdd(uplink.Value, node.Name);
            }
        }
    }

    /// <summary>The MX whose AutoVPN endpoint (public contact or uplink) has this address, if any.</summary>
    public string? VpnEndpointAt(Ipv4Address address) => _vpnEndpoints.GetValueOrDefault(address.Value);

    public Design Design { get; }

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Every device, in the order of their <see cref="NetworkNode.Index"/>.</summary>
    public IEnumerable<NetworkNode> Nodes => _nodes.Values;

    public NetworkNode? Find(string device) => _nodes.GetValueOrDefault(device);

    public NetworkNode Get(string device) => _nodes[device];

    /// <summary>The public address and port at which peers reach this MX's AutoVPN endpoint.</summary>
    public static (Ipv4Address Address, int Port)? VpnContact(NetworkNode mx) =>
        mx.Device.Mx is { } settings && (settings.PublicAddress ?? mx.AddressOf(settings.Uplink)) is { } address
            ? (address, settings.VpnPort)
            : null;
}
