using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>
/// The least a router simulator must do to carry an exchange's packets over the hops a real trace crossed: per hop,
/// one longest-prefix match of the packet's destination in that device's compiled table, and one look-up of its
/// 5-tuple in a session table. The seed handshake benchmark measures the engine against it, so the ratio says what the
/// engine's fidelity (filters, NAT, sessions, narration facts, the recorded trace) costs over bare forwarding.
/// </summary>
/// <remarks>
/// The hops are taken from the trace, never written by hand, so the yardstick follows the design if it changes; the
/// session table holds every 5-tuple the trace saw, so each look-up finds its entry as a real session hit would.
/// </remarks>
public sealed class RawLookupBaseline
{
    private readonly ForwardingTable[] _tables;
    private readonly PacketHeader[] _headers;
    private readonly Dictionary<FlowKey, int> _sessions = [];

    /// <summary>The hops of every packet of <paramref name="exchange"/>, in order, each with the packet as it entered the device.</summary>
    public RawLookupBaseline(CompiledNetwork network, ExchangeResult exchange)
    {
        var tables = new List<ForwardingTable>();
        var headers = new List<PacketHeader>();
        var devices = new List<string>();
        foreach (var packet in exchange.Packets)
        {
            foreach (var hop in packet.Hops)
            {
                var header = hop.Steps[0].Before.Routed;
                tables.Add(network.Get(hop.Device).Fib);
                headers.Add(header);
                devices.Add(hop.Device);
                _sessions.TryAdd(header.Key, _sessions.Count);
            }
        }

        _tables = [.. tables];
        _headers = [.. headers];
        Devices = devices;
    }

    /// <summary>The devices the baseline visits, in order: those of the trace's hops.</summary>
    public IReadOnlyList<string> Devices { get; }

    /// <summary>How many look-ups found something on the last walk: the results are used, so the work cannot be optimised away.</summary>
    public int Found { get; private set; }

    /// <summary>Does each hop's two look-ups; returns how many hops it walked.</summary>
    public int Walk()
    {
        var walked = 0;
        var found = 0;
        for (var i = 0; i < _tables.Length; i++)
        {
            var header = _headers[i];
            if (_tables[i].Lookup(header.Destination) is not null)
            {
                found++;
            }

            if (_sessions.ContainsKey(header.Key))
            {
                found++;
            }

            walked++;
        }

        Found = found;
        return walked;
    }
}
