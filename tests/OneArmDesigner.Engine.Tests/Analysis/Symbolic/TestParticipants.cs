using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Analysis.Symbolic;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Tests.Analysis.Symbolic;

/// <summary>The participants the matrix would hand the symbolic analysis, for tests that drive it directly.</summary>
internal static class TestParticipants
{
    /// <summary>Every endpoint, with the default flow toward it grouped by protocol and port as the matrix does.</summary>
    public static Participants Of(CompiledNetwork network)
    {
        var hosts = ReachabilityMatrix.EndpointsOf(network).ToArray();
        var groups = new Dictionary<(Protocol, int), int>();
        var flowGroups = hosts.Select((to, i) =>
        {
            var flow = ReachabilityMatrix.DefaultFlow(hosts[i == 0 ? 1 : 0], to);
            return Simulator.Check(network, flow).Count > 0 ? -1
                : groups.TryGetValue((flow.Protocol, flow.DestinationPort), out var known) ? known
                : groups[(flow.Protocol, flow.DestinationPort)] = groups.Count;
        }).ToArray();
        return new Participants(network, hosts, flowGroups);
    }
}
