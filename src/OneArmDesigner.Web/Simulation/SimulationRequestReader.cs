using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Web.Api;

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

    /// <summary>
    /// A simulation request from an HTTP body (POST /api/simulations, POST /api/classrooms): at most
    /// <see cref="SimulationLimits.MaxDesignBytes"/> plus <see cref="EnvelopeBytes"/>, strict UTF-8, read strictly;
    /// or the problem answer, titled <paramref name="title"/>.
    /// </summary>
    public static async Task<(SimulationRequest? Request, ProblemHttpResult? Problem)> ReadBodyAsync(
        HttpRequest http, SimulationLimits limits, string what, string title, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonTextAsync(http, (long)limits.MaxDesignBytes + EnvelopeBytes, what, title,
            $"MaxDesignBytes, plus {ApiProblems.Bytes(EnvelopeBytes)} for the rest of the request", ct);
        if (body.Problem is not null)
        {
            return (null, body.Problem);
        }

        var read = Read(body.Text!);
        return read.Request is null ? (null, ApiProblems.Invalid(title, read.Problems)) : (read.Request, null);
    }

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
