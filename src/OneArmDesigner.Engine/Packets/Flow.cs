using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Packets;

/// <summary>What to simulate: an exchange from one host to another host's port.</summary>
/// <param name="Ttl">The TTL the initiator's packets start with (like <c>ping -t</c>); null for the host's own initial TTL.</param>
public sealed record Flow(string From, string To, Protocol Protocol = Protocol.Tcp, int DestinationPort = 3389, int SourcePort = Flow.DefaultSourcePort,
    int? Ttl = null)
{
    /// <summary>The seed guide's client port.</summary>
    public const int DefaultSourcePort = 5000;

    public override string ToString() => Protocol == Protocol.Icmp
        ? $"ICMP echo {From} → {To}"
        : $"{Protocol.ToJsonName().ToUpperInvariant()} {From}:{SourcePort} → {To}:{DestinationPort}";
}
