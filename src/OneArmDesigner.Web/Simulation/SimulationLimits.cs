namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// Limits that keep one user from exhausting the server. Bound from configuration section "Simulation"; every
/// refusal names the limit it hit.
/// </summary>
public sealed class SimulationLimits
{
    public const string Section = "Simulation";

    /// <summary>Streams one SignalR connection may run at the same time.</summary>
    public int MaxConcurrentStreamsPerConnection { get; set; } = 4;

    /// <summary>Steps a single exchange may produce before it is cut off.</summary>
    public int MaxStepsPerTrace { get; set; } = 2_000;

    /// <summary>Longest pause between two streamed steps.</summary>
    public int MaxStepDelayMs { get; set; } = 5_000;

    /// <summary>Largest inline design document, in bytes (UTF-8, as sent).</summary>
    public int MaxDesignBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The largest message the hub reads: twice <see cref="MaxDesignBytes"/> and room for the rest of the request, so
    /// a design over the limit still arrives and is answered with an error event naming it, on a connection that
    /// stays open. Only a message beyond this makes SignalR itself close the connection.
    /// </summary>
    public long MaxHubMessageBytes => (2L * MaxDesignBytes) + SimulationRequestReader.EnvelopeBytes;
}
