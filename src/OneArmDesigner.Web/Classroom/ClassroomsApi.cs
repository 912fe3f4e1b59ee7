using Microsoft.AspNetCore.Http.HttpResults;
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
        api.MapPost("/", CreateClassroom).WithName(nameof(CreateClassroom))
            .WithSummary("Start a live classroom on a template or saved design and a flow; returns the join code and the presenter's secret link.");
        api.MapGet("/{code}", GetClassroom).WithName(nameof(GetClassroom))
            .WithSummary("Where a live classroom stands: its step and how many follow.");
        app.MapHub<ClassroomHub>(ClassroomHub.Path).RequireRateLimiting(ClassroomRateLimits.Policy);
        return app;
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> CreateClassroom(
        SimulationRequest? request, HttpRequest http, ClassroomStore store, CancellationToken ct)
    {
        var created = await store.CreateAsync(request, ct);
        if (!created.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The classroom request is invalid",
                detail: string.Join("; ", created.Problems.DefaultIfEmpty(created.Message!)),
                extensions: new Dictionary<string, object?> { ["problems"] = created.Problems });
        }

        var classroom = created.Value!;
        return TypedResults.Created($"/api/classrooms/{classroom.Code}", new CreatedResponse(classroom.Code,
            ClassroomLinks.Absolute(http, ClassroomLinks.Join(classroom.Code)), classroom.PresenterToken,
            ClassroomLinks.Absolute(http, ClassroomLinks.Present(classroom.PresenterToken))));
    }

    private static async Task<Results<Ok<ClassroomResponse>, ProblemHttpResult>> GetClassroom(string code, ClassroomStore store, CancellationToken ct) =>
        await store.GetAsync(code, ct) is { } state
            ? TypedResults.Ok(new ClassroomResponse(state.Code, state.Step, state.Followers, state.Title, state.StepCount))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such classroom",
                detail: "No live classroom has this code. It may have ended or expired.");
}
