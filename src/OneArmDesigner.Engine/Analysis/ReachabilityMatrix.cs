using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>One ordered pair of hosts and what happens to its default exchange.</summary>
public sealed record ReachabilityEntry(string From, string To, Flow Flow, ExchangeResult Result)
{
    public bool Reachable => Result.Completed;
}

/// <summary>
/// Every ordered pair of hosts and servers, both directions, with the verdict of its default exchange: TCP to the
/// destination's first listening port, or a ping when it listens on nothing. The network is compiled once.
/// </summary>
public static class ReachabilityMatrix
{
    /// <summary>Past this many endpoints the pairs grow quadratically; callers get the first ones and are told.</summary>
    public const int MaxEndpoints = 60;

    public static IReadOnlyList<ReachabilityEntry> Compute(Design design) => Compute(NetworkCompiler.Compile(design));

    public static IReadOnlyList<ReachabilityEntry> Compute(CompiledNetwork network)
    {
        var endpoints = Endpoints(network).Take(MaxEndpoints).ToList();
        var entries = new List<ReachabilityEntry>();
        foreach (var from in endpoints)
        {
            foreach (var to in endpoints)
            {
                if (from == to)
                {
                    continue;
                }

                var flow = DefaultFlow(from, to);
                if (Simulator.Check(network, flow).Count == 0)
                {
                    entries.Add(new ReachabilityEntry(from.Name, to.Name, flow, Simulator.Run(network, flow)));
                }
            }
        }

        return entries;
    }

    public static IEnumerable<Device> Endpoints(CompiledNetwork network) =>
        network.Design.Devices.Where(d => d.Kind.IsEndpoint() && d.Interfaces.Any(i => i.Address is not null));

    public static Flow DefaultFlow(Device from, Device to) =>
        to.Host is { TcpPorts.Count: > 0 } host
            ? new Flow(from.Name, to.Name, Protocol.Tcp, host.TcpPorts[0])
            : new Flow(from.Name, to.Name, Protocol.Icmp, 0);

    public static string Describe(ReachabilityEntry entry) => entry.Reachable
        ? "reachable"
        : entry.Result.FirstFailure is { } failure
            ? $"{failure.Kind} dropped at {failure.DropDevice} ({failure.Reason?.ToJsonName()})"
            : "answered with RST (port closed)";
}
