using System.Text.Json;
using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Web.Simulation;

/// <summary>A simulation request read from JSON, or every problem with it, each named by its JSON path.</summary>
public sealed record ReadSimulationRequest(SimulationRequest? Request, IReadOnlyList<string> Problems);

/// <summary>
/// Reads simulation requests for the REST API and the hub alike, strictly: an unknown property (a typo such as
/// <c>"stepDelay"</c>) or a number sent as a string is a problem named by its path, never silently ignored.
/// </summary>
public static class SimulationRequestReader
{
    /// <summary>Room for everything in a request besides its inline design, when a request's size is limited.</summary>
    public const int EnvelopeBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        MaxDepth = 64,
    };

    public static ReadSimulationRequest Read(string json)
    {
        try
        {
            return Checked(JsonSerializer.Deserialize<SimulationRequest>(json, Options));
        }
        catch (JsonException ex)
        {
            return new ReadSimulationRequest(null, [JsonErrors.Describe(ex).ToString()]);
        }
    }

    public static ReadSimulationRequest Read(JsonElement json)
    {
        try
        {
            return Checked(json.Deserialize<SimulationRequest>(Options));
        }
        catch (JsonException ex)
        {
            return new ReadSimulationRequest(null, [JsonErrors.Describe(ex).ToString()]);
        }
    }

    private static ReadSimulationRequest Checked(SimulationRequest? request) =>
        request is null
            ? new ReadSimulationRequest(null, [$"{DesignDocument.RootPath}: the request is empty (null); send {{template | designToken | design, from, to, port, protocol}}"])
            : new ReadSimulationRequest(request, []);
}
