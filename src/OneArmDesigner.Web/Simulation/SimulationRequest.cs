using System.Text.Json;

namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// What to simulate (docs/api.md): the design as exactly one of a template name, a saved design's link token, or an
/// inline design document; the flow; and, for streams, the pause between steps.
/// </summary>
public sealed record SimulationRequest
{
    public string? Template { get; init; }

    public string? DesignToken { get; init; }

    public JsonElement? Design { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>Destination port; 3389 when absent (ignored for ICMP).</summary>
    public int? Port { get; init; }

    public int? SourcePort { get; init; }

    /// <summary>The TTL the initiator's packets start with (1 to 255); absent, the sending host's initial TTL.</summary>
    public int? Ttl { get; init; }

    /// <summary>tcp (default), udp or icmp.</summary>
    public string? Protocol { get; init; }

    /// <summary>Pause between streamed steps in milliseconds; 0 streams as fast as possible.</summary>
    public int StepDelayMs { get; init; }
}
