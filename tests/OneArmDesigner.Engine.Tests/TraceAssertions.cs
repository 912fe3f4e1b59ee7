using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests;

/// <summary>Readable assertions over traces, so tests state behaviour rather than dig through hops.</summary>
internal static class TraceAssertions
{
    public static PacketTrace Packet(this ExchangeResult result, string kind) =>
        result.Packets.SingleOrDefault(p => p.Kind == kind)
        ?? throw new Xunit.Sdk.XunitException($"No {kind} in the exchange; packets were {string.Join(", ", result.Packets.Select(p => p.Kind))}.");

    public static void ShouldBeDelivered(this PacketTrace packet) =>
        Assert.True(packet.Delivered, $"{packet.Kind} was expected to be delivered but: {packet.Summary}");

    public static void ShouldBeDroppedAt(this PacketTrace packet, string device, DropReason reason)
    {
        Assert.False(packet.Delivered, $"{packet.Kind} was expected to be dropped at {device} but was delivered.");
        Assert.Equal(reason, packet.Reason);
        Assert.Equal(device, packet.DropDevice);
    }

    /// <summary>The first step at <paramref name="device"/> with <paramref name="action"/>, failing clearly if there is none.</summary>
    public static Step StepAt(this PacketTrace packet, string device, StepAction action, int occurrence = 0) =>
        packet.Steps.Where(s => s.Device == device && s.Action == action).ElementAtOrDefault(occurrence)
        ?? throw new Xunit.Sdk.XunitException($"{packet.Kind} has no {action} step at {device}; steps were:\n" +
            string.Join("\n", packet.Steps.Select(s => $"  {s.Device} {s.Action}")));

    public static IReadOnlyList<string> Devices(this PacketTrace packet) => [.. packet.Hops.Select(h => h.Device)];
}
