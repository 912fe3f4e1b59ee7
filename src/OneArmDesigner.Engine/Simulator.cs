using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine;

/// <summary>
/// Plays whole exchanges over a compiled network: TCP SYN → SYN-ACK → ACK (or RST from a closed port), UDP request
/// → reply (or an ICMP port unreachable from a closed port), ICMP echo → reply. The packets of one exchange share the devices' session tables, as in a real network.
/// Deterministic: the same network and flow always give the same result.
/// </summary>
public static class Simulator
{
    /// <summary>The packet kind of the ICMP port unreachable a host answers a UDP datagram to a closed port with.</summary>
    public const string PortUnreachableKind = "PORT-UNREACHABLE";

    /// <summary>Compiles and runs in one call; prefer compiling once when tracing many flows.</summary>
    public static ExchangeResult Run(Design design, Flow flow) => Run(NetworkCompiler.Compile(design), flow);

    /// <summary>Every reason this flow cannot be simulated on this network (unknown hosts, no address...), each naming its field.</summary>
    public static IReadOnlyList<string> Check(CompiledNetwork network, Flow flow)
    {
        var problems = new List<string>();
        CheckEndpoint(network, flow.From, "from", problems);
        CheckEndpoint(network, flow.To, "to", problems);
        if (flow.From == flow.To && problems.Count == 0)
        {
            problems.Add($"to: '{flow.To}' is the same host as from; pick two different hosts");
        }

        if (flow.Protocol == Protocol.Any)
        {
            problems.Add("protocol: use tcp, udp or icmp");
        }

        if (flow.Protocol != Protocol.Icmp && flow.DestinationPort is < 1 or > 65535)
        {
            problems.Add($"port: {flow.DestinationPort} is not a port; use 1 to 65535");
        }

        if (flow.SourcePort is < 1 or > 65535)
        {
            problems.Add($"sourcePort: {flow.SourcePort} is not a port; use 1 to 65535");
        }

        if (flow.Ttl is < 1 or > 255)
        {
            problems.Add($"ttl: {flow.Ttl} is not a TTL; use 1 to 255");
        }

        return problems;
    }

    public static ExchangeResult Run(CompiledNetwork network, Flow flow)
    {
        var problems = Check(network, flow);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The flow cannot be simulated: " + string.Join("; ", problems), nameof(flow));
        }

        var cursor = new ExchangeCursor(network, flow);
        while (cursor.Walk is not null)
        {
            cursor.Step();
        }

        return cursor.Result();
    }

    // A loop rather than LINQ: every exchange asks it for both hosts.
    internal static Ipv4Address? FirstAddress(NetworkNode node)
    {
        var interfaces = node.Device.Interfaces;
        for (var i = 0; i < interfaces.Count; i++)
        {
            if (interfaces[i].Address is { } prefix)
            {
                return prefix.Address;
            }
        }

        return null;
    }

    private static void CheckEndpoint(CompiledNetwork network, string name, string field, List<string> problems)
    {
        var node = network.Find(name);
        if (node is null)
        {
            var hosts = string.Join(", ", network.Nodes.Where(n => n.Kind.IsEndpoint()).Select(n => n.Name));
            problems.Add($"{field}: '{name}' is not a device in this design" + (hosts.Length > 0 ? $"; hosts are {hosts}" : ""));
        }
        else if (!node.Kind.IsEndpoint())
        {
            problems.Add($"{field}: '{name}' is a {node.Kind.DisplayName()}; flows start and end at hosts or servers");
        }
        else if (FirstAddress(node) is null)
        {
            problems.Add($"{field}: '{name}' has no IPv4 address");
        }
    }
}
