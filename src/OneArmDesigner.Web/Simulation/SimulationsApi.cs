using Microsoft.AspNetCore.Http.HttpResults;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Web.Simulation;

/// <summary>POST /api/simulations: the whole trace at once, in the same shape as `onearm simulate --format json`.</summary>
public static class SimulationsApi
{
    public static IEndpointRouteBuilder MapSimulationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/simulations", Simulate).WithTags("Simulations").WithName(nameof(Simulate)).DisableAntiforgery()
            .WithSummary("Trace every packet of an exchange and return the whole trace.");
        app.MapHub<SimulationHub>(SimulationHub.Path);
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(BareStreamHub.Setting))
        {
            app.MapHub<BareStreamHub>(BareStreamHub.Path);
        }

        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Simulate(
        SimulationRequest? request, SimulationResolver resolver, CancellationToken ct)
    {
        var resolved = await resolver.ResolveAsync(request, ct);
        if (!resolved.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The simulation request is invalid",
                detail: string.Join("; ", resolved.Problems), extensions: new Dictionary<string, object?> { ["problems"] = resolved.Problems });
        }

        return TypedResults.Content(TraceJson.Write(resolved.Result!), "application/json");
    }
}
