using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OneArmDesigner.Web.Api;
using OneArmDesigner.Web.Hosting;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Classroom;

/// <summary>The classroom REST API and hub (docs/api.md), both under the classroom rate limit.</summary>
public static class ClassroomsApi
{
    public sealed record CreatedResponse(string Code, string JoinUrl, string PresenterToken, string PresenterUrl);

    public sealed record ClassroomResponse(string Code, int Step, int Followers, string Title, int StepCount);

    public static IEndpointRouteBuilder MapClassroomsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/classrooms").WithTags("Classrooms").DisableAntiforgery().RequireRateLimiting(ClassroomRateLimits.Policy);
        api.MapPost("/", CreateClassroom).WithName(nameof(CreateClassroom)).Accepts<SimulationRequest>("application/json")
            .WithSummary("Start a live classroom on a template or saved design and a flow; returns the join code and the presenter's secret link.");
        api.MapGet("/{code}", GetClassroom).WithName(nameof(GetClassroom))
            .WithSummary("Where a live classroom stands: its step and how many follow.");
        app.MapHub<ClassroomHub>(ClassroomHub.Path).RequireRateLimiting(ClassroomRateLimits.Policy);
        return app;
    }

    private const string InvalidTitle = "The classroom request is invalid";

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> CreateClassroom(
        HttpRequest http, ClassroomStore store, PublicBaseUrl links, IOptions<SimulationLimits> limits, CancellationToken ct)
    {
        // Read as POST /api/simulations reads its request: bytes counted, strict UTF-8, unknown properties refused.
        var (request, problem) = await SimulationRequestReader.ReadBodyAsync(http, limits.Value, "classroom request", InvalidTitle, ct);
        if (problem is not null)
        {
            return problem;
        }

        var created = await store.CreateAsync(request, ct);
        if (!created.Succeeded)
        {
            return ApiProblems.Invalid(InvalidTitle, created.Problems.DefaultIfEmpty(created.Message!).ToList());
        }

        var classroom = created.Value!;
        return TypedResults.Created($"/api/classrooms/{classroom.Code}", new CreatedResponse(classroom.Code,
            links.Link(ClassroomLinks.Join(classroom.Code)), classroom.PresenterToken,
            links.Link(ClassroomLinks.Present(classroom.PresenterToken))));
    }

    private static async Task<Results<Ok<ClassroomResponse>, ProblemHttpResult>> GetClassroom(string code, ClassroomStore store, CancellationToken ct) =>
        await store.GetAsync(code, ct) is { } state
            ? TypedResults.Ok(new ClassroomResponse(state.Code, state.Step, state.Followers, state.Title, state.StepCount))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such classroom",
                detail: "No live classroom has this code. It may have ended or expired.");
}
