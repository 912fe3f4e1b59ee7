using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// The hosts the symbolic analysis carries in sets, numbered in address order (so what a prefix selects is a range
/// of numbers), with their nodes, addresses and default flows' groups.
/// </summary>
internal sealed class Participants
{
    public Participants(CompiledNetwork network, IReadOnlyList<Device> hosts, IReadOnlyList<int> flowGroups)
    {
        var order = Enumerable.Range(0, hosts.Count)
            .OrderBy(i => ExchangeAddress(network.Get(hosts[i].Name)).Value).ThenBy(i => i).ToArray();
        Hosts = [.. order.Select(i => hosts[i])];
        Nodes = [.. Hosts.Select(h => network.Get(h.Name))];
        Addresses = [.. Nodes.Select(n => ExchangeAddress(n).Value)];
        FlowGroups = [.. order.Select(i => flowGroups[i])];
        OriginalIndex = order;
    }

    public Device[] Hosts { get; }

    public NetworkNode[] Nodes { get; }

    /// <summary>Ascending.</summary>
    public uint[] Addresses { get; }

    /// <summary>Per host: the group of default flows toward it (-1: none can be played).</summary>
    public int[] FlowGroups { get; }

    /// <summary>Per host: its index in the list it was built from.</summary>
    public int[] OriginalIndex { get; }

    public int Count => Hosts.Length;

    /// <summary>The first host at or after <paramref name="from"/> (and before <paramref name="to"/>) whose address is at least <paramref name="address"/>.</summary>
    public int FirstAtOrAbove(ulong address, int from, int to)
    {
        var (low, high) = (from, to);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Addresses[middle] < address)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The address an exchange uses for a host: its first one.</summary>
    public static Ipv4Address ExchangeAddress(NetworkNode node) => Forwarding.ExchangeCursor.AddressOf(node);
}
