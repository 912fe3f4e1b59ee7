using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OneArmDesigner.Web.Api;
using OneArmDesigner.Web.Security;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Web.Simulation;

/// <summary>POST /api/simulations: the whole trace at once, in the same shape as `onearm simulate --format json`.</summary>
public static class SimulationsApi
{
    public static IEndpointRouteBuilder MapSimulationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/simulations", Simulate).WithTags("Simulations").WithName(nameof(Simulate)).DisableAntiforgery()
            .RequireRateLimiting(ClientRateLimits.Simulate)
            .Accepts<SimulationRequest>("application/json")
            .WithSummary("Trace every packet of an exchange and return the whole trace.");
        app.MapHub<SimulationHub>(SimulationHub.Path).RequireRateLimiting(ClientRateLimits.HubConnect);
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(BareStreamHub.Setting))
        {
            app.MapHub<BareStreamHub>(BareStreamHub.Path);
        }

        return app;
    }

    private const string InvalidTitle = "The simulation request is invalid";

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Simulate(
        HttpRequest http, SimulationResolver resolver, IOptions<SimulationLimits> limits, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonTextAsync(http, (long)limits.Value.MaxDesignBytes + SimulationRequestReader.EnvelopeBytes,
            "simulation request", InvalidTitle, $"MaxDesignBytes, plus {ApiProblems.Bytes(SimulationRequestReader.EnvelopeBytes)} for the rest of the request", ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var request = SimulationRequestReader.Read(body.Text!);
        if (request.Request is null)
        {
            return ApiProblems.Invalid(InvalidTitle, request.Problems);
        }

        var resolved = await resolver.ResolveAsync(request.Request, ct);
        if (!resolved.Succeeded)
        {
            return ApiProblems.Invalid(InvalidTitle, resolved.Problems);
        }

        return TypedResults.Content(TraceJson.Write(resolved.Result!), "application/json");
    }
}
