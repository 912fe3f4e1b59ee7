using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// The hosts the symbolic analysis carries in sets, numbered by the group of default flows toward them and then in
/// address order, with their nodes, addresses and groups. A class's destinations all share one group, so what a
/// prefix selects of them is one range of numbers; numbered in address order alone, a group's hosts would be
/// scattered among the others' (a server every few subnets), every destination set would hold ranges in proportion
/// to the design, and copying and splitting them would make the analysis quadratic.
/// </summary>
internal sealed class Participants
{
    // Per host: the end of the run of hosts of its group, where addresses stop ascending.
    private readonly int[] _groupEnd;

    public Participants(CompiledNetwork network, IReadOnlyList<Device> hosts, IReadOnlyList<int> flowGroups)
    {
        var order = Enumerable.Range(0, hosts.Count)
            .OrderBy(i => flowGroups[i]).ThenBy(i => ExchangeAddress(network.Get(hosts[i].Name)).Value).ThenBy(i => i).ToArray();
        Hosts = [.. order.Select(i => hosts[i])];
        Nodes = [.. Hosts.Select(h => network.Get(h.Name))];
        Addresses = [.. Nodes.Select(n => ExchangeAddress(n).Value)];
        FlowGroups = [.. order.Select(i => flowGroups[i])];
        OriginalIndex = order;
        ByAddress = [.. Enumerable.Range(0, order.Length).OrderBy(i => Addresses[i]).ThenBy(i => order[i])];
        _groupEnd = new int[order.Length];
        for (var i = order.Length - 1; i >= 0; i--)
        {
            _groupEnd[i] = i + 1 < order.Length && FlowGroups[i + 1] == FlowGroups[i] ? _groupEnd[i + 1] : i + 1;
        }
    }

    public Device[] Hosts { get; }

    public NetworkNode[] Nodes { get; }

    /// <summary>Ascending within each group (see <see cref="AscendingUntil"/>).</summary>
    public uint[] Addresses { get; }

    /// <summary>Per host: the group of default flows toward it (-1: none can be played).</summary>
    public int[] FlowGroups { get; }

    /// <summary>
    /// The hosts in address order, whatever their group: the order sources are played in, since hosts close in
    /// address are usually close in the network and their exchanges join.
    /// </summary>
    public int[] ByAddress { get; }

    /// <summary>Per host: its index in the list it was built from.</summary>
    public int[] OriginalIndex { get; }

    public int Count => Hosts.Length;

    /// <summary>The end of the run of hosts from <paramref name="host"/> on whose addresses ascend: the end of its group.</summary>
    public int AscendingUntil(int host) => _groupEnd[host];

    /// <summary>The first host at or after <paramref name="from"/> (and before <paramref name="to"/>) whose address is at least <paramref name="address"/>; addresses must ascend from <paramref name="from"/> to <paramref name="to"/>.</summary>
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
