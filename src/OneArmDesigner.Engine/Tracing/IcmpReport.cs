using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>
/// The ICMP error a device sends back to a packet's source when it drops the packet (a time exceeded where the TTL ran
/// out). It is noted on the dropped packet, not traced on its own.
/// </summary>
/// <param name="From">The address it is sent from: that of the interface it leaves by, toward the source; null for the Internet's routers.</param>
public sealed record IcmpReport(string Device, Ipv4Address? From, Ipv4Address To, IcmpMessage Message)
{
    public override string ToString() =>
        $"{Device}{(From is { } from ? $" ({from})" : "")} sends an ICMP {Message} back to {To}";
}
