using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Conformance.Tests;

/// <summary>
/// What a client at the flow's source would see if the network behaved as the engine says, in the words the kernel
/// lab's probe uses (Kernel/probe.py): completed (with the echo reply's TTL for a ping), refused, port-unreachable,
/// time-exceeded FROM, or timeout.
/// </summary>
internal static class EngineOutcome
{
    public static string Of(ExchangeResult result)
    {
        var flow = result.Flow;
        if (result.Completed)
        {
            return flow.Protocol == Protocol.Icmp
                ? $"completed {result.Packets[^1].Steps.Last().Before.Inner.Ttl}"
                : "completed";
        }

        return result.Packets[^1] switch
        {
            { Kind: "RST", Delivered: true } => "refused",
            { Kind: Simulator.PortUnreachableKind, Delivered: true } => "port-unreachable",
            // A TCP or UDP socket takes a time exceeded as a soft error and waits on; a raw ping sees it.
            { IcmpSent: { From: { } from } } when flow.Protocol == Protocol.Icmp => $"time-exceeded {from}",
            _ => "timeout",
        };
    }
}
