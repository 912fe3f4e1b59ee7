using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine;

/// <summary>The closing sentence of a walkthrough: what happened, why, and what would fix it.</summary>
internal static class ExchangeSummary
{

    public static string Describe(CompiledNetwork network, Flow flow, Verdict verdict, IReadOnlyList<PacketTrace> packets)
    {
        if (verdict == Verdict.Completed)
        {
            return flow.Protocol switch
            {
                Protocol.Tcp => $"The TCP handshake from {flow.From} to {flow.To}:{flow.DestinationPort} completed: SYN, SYN-ACK and ACK were all delivered.",
                Protocol.Udp => $"The UDP request from {flow.From} to {flow.To}:{flow.DestinationPort} and its reply were both delivered.",
                _ => $"The ping from {flow.From} to {flow.To} and its reply were both delivered.",
            };
        }

        if (packets[^1] is { Kind: "RST", Delivered: true })
        {
            return $"{flow.To} answered the SYN with a RST: nothing listens on TCP {flow.DestinationPort} (port-closed).";
        }

        var failed = packets.First(p => !p.Delivered);
        var workaround = flow.Protocol == Protocol.Icmp
            ? $"or, leaving ICMP to its access lists, no inspect icmp on {failed.DropDevice}"
            : "or, with its caveats, tcp-state-bypass for these networks";
        var because = failed.Reason switch
        {
            DropReason.NoSession when packets.Count > 1 && packets[0].Delivered && !packets[0].DevicesInClear().Contains(failed.DropDevice!) =>
                $" because it never saw the {packets[0].Kind}: asymmetric routing. The {packets[0].Kind} reached {flow.To} without passing through {failed.DropDevice} as {flow.Protocol.ToJsonName().ToUpperInvariant()}{(packets[0].Visited(failed.DropDevice!) ? $" (it crossed {failed.DropDevice} only inside the encrypted tunnel)" : "")}, but the {failed.Kind} was routed through it. Fix: put {failed.DropDevice} and the concentrator on their own transit VLAN so traffic in both directions crosses {failed.DropDevice} ({workaround}).",
            DropReason.NoSession => " because it matches no connection the firewall knows of.",
            _ => "",
        };
        var summary = because.Length > 0 ? $"The {failed.Kind} was dropped by {failed.DropDevice}{because}" : failed.Summary;
        return packets[^1] is { Kind: Simulator.PortUnreachableKind } unreachable
            ? $"{summary} The port unreachable {(unreachable.Delivered ? $"reached {flow.From}: the sender learns the port is closed" : $"was dropped by {unreachable.DropDevice} ({unreachable.Reason?.ToJsonName()}): the sender is left waiting")}."
            : summary;
    }
}
