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
        var (request, problem) = await SimulationRequestReader.ReadBodyAsync(http, limits.Value, "simulation request", InvalidTitle, ct);
        if (problem is not null)
        {
            return problem;
        }

        var resolved = await resolver.ResolveAsync(request!, ct);
        if (!resolved.Succeeded)
        {
            return ApiProblems.Invalid(InvalidTitle, resolved.Problems);
        }

        return TypedResults.Content(TraceJson.Write(resolved.Result!), "application/json");
    }
}
