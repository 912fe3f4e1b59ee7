using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneArmDesigner.Web.Api;
using OneArmDesigner.Web.Hosting;
using OneArmDesigner.Web.Security;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// The designs REST API (docs/api.md). Tokens in the path are the share links' secrets: an edit token can read and
/// write, a view token can only read and fork.
/// </summary>
public static class DesignsApi
{
    /// <summary>Largest design document accepted, in bytes; keeps one request from exhausting the server.</summary>
    public const int MaxDocumentBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapDesignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/designs").WithTags("Designs").DisableAntiforgery();

        api.MapPost("/", CreateDesign).WithName(nameof(CreateDesign)).RequireRateLimiting(ClientRateLimits.Create)
            .WithSummary("Create a design from a document; returns its edit and view links.");
        api.MapMethods("/{token}", [HttpMethods.Get, HttpMethods.Head], GetDesign).WithName(nameof(GetDesign))
            .WithSummary("Read a design's document with either token (GET or HEAD); the ETag is its version.");
        api.MapPut("/{token}", SaveDesign).WithName(nameof(SaveDesign)).RequireRateLimiting(ClientRateLimits.Save)
            .WithSummary("Save a new document with the edit token; If-Match must name the version it was based on.");
        api.MapDelete("/{token}", DeleteDesign).WithName(nameof(DeleteDesign))
            .WithSummary("Delete a design (edit token).");
        api.MapPost("/{token}/fork", ForkDesign).WithName(nameof(ForkDesign)).RequireRateLimiting(ClientRateLimits.Create)
            .WithSummary("Copy a design (either token) into a new design with new links.");
        api.MapPost("/{token}/view-token", RegenerateViewToken).WithName(nameof(RegenerateViewToken)).RequireRateLimiting(ClientRateLimits.Create)
            .WithSummary("Issue a new view token (edit token); the old view link stops working.");
        api.MapDelete("/{token}/view-token", RevokeViewToken).WithName(nameof(RevokeViewToken))
            .WithSummary("Revoke the view link (edit token).");
        api.MapGet("/{token}/revisions", ListRevisions).WithName(nameof(ListRevisions))
            .WithSummary("List a design's revisions, newest first.");
        api.MapGet("/{token}/revisions/{number:int}", GetRevision).WithName(nameof(GetRevision))
            .WithSummary("Read the document of one revision.");
        api.MapGet("/{token}/validation", GetValidation).WithName(nameof(GetValidation))
            .WithSummary("Read the findings of the latest revision, as onearm validate --format json writes them; 202 with Retry-After while they are computed.");
        api.MapPost("/{token}/validation", ReanalyseDesign).WithName(nameof(ReanalyseDesign)).RequireRateLimiting(ClientRateLimits.Save)
            .WithSummary("Analyse the latest revision again (either token) when the time budget cut its findings short; answers as GET .../validation does.");
        return app;
    }

    public sealed record CreatedResponse(Guid Id, string Name, string EditToken, string ViewToken, string EditUrl, string ViewUrl, int Version);

    public sealed record SavedResponse(int Version, int Revision, DateTimeOffset UpdatedAt);

    public sealed record ViewTokenResponse(string ViewToken, string ViewUrl);

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> CreateDesign(
        HttpRequest request, DesignStore store, PublicBaseUrl links, CancellationToken ct)
    {
        var body = await ReadDocumentAsync(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var created = await store.CreateAsync(body.Text!, ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/designs/{created.Value!.EditToken}", ToResponse(links, created.Value))
            : ToProblem(created);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDesign(
        string token, HttpResponse response, DesignStore store, CancellationToken ct)
    {
        var opened = await store.OpenAsync(token, ct);
        if (!opened.Succeeded)
        {
            return ToProblem(opened);
        }

        response.Headers.ETag = ETagFor(opened.Value!.Version);
        response.Headers["X-Design-Access"] = opened.Value.Access == DesignAccess.Edit ? "edit" : "view";
        return TypedResults.Content(opened.Value.DocumentJson, "application/json");
    }

    private static async Task<Results<Ok<SavedResponse>, ProblemHttpResult>> SaveDesign(
        string token, HttpRequest request, HttpResponse response, DesignStore store, CancellationToken ct)
    {
        var ifMatch = IfMatch.Read(request.Headers);
        if (ifMatch.Problem is { } notAVersion)
        {
            return notAVersion;
        }

        var baseVersion = ifMatch.Version;

        var body = await ReadDocumentAsync(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var autosave = string.Equals(request.Query["autosave"], "true", StringComparison.OrdinalIgnoreCase);
        var saved = await store.SaveAsync(token, body.Text!, baseVersion, autosave, ct);
        if (!saved.Succeeded)
        {
            return ToProblem(saved);
        }

        response.Headers.ETag = ETagFor(saved.Value!.Version);
        return TypedResults.Ok(new SavedResponse(saved.Value.Version, saved.Value.RevisionNumber, saved.Value.UpdatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDesign(string token, DesignStore store, CancellationToken ct)
    {
        var deleted = await store.DeleteAsync(token, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ToProblem(deleted);
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> ForkDesign(
        string token, DesignStore store, PublicBaseUrl links, CancellationToken ct)
    {
        var fork = await store.ForkAsync(token, ct);
        return fork.Succeeded
            ? TypedResults.Created($"/api/designs/{fork.Value!.EditToken}", ToResponse(links, fork.Value))
            : ToProblem(fork);
    }

    private static async Task<Results<Ok<ViewTokenResponse>, ProblemHttpResult>> RegenerateViewToken(
        string token, DesignStore store, PublicBaseUrl links, CancellationToken ct)
    {
        var regenerated = await store.RegenerateViewTokenAsync(token, ct);
        return regenerated.Succeeded
            ? TypedResults.Ok(new ViewTokenResponse(regenerated.Value!, DesignLinks.Absolute(links, regenerated.Value!)))
            : ToProblem(regenerated);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeViewToken(string token, DesignStore store, CancellationToken ct)
    {
        var revoked = await store.RevokeViewTokenAsync(token, ct);
        return revoked.Succeeded ? TypedResults.NoContent() : ToProblem(revoked);
    }

    private static async Task<Results<Ok<IReadOnlyList<RevisionSummary>>, ProblemHttpResult>> ListRevisions(
        string token, DesignStore store, CancellationToken ct)
    {
        var revisions = await store.ListRevisionsAsync(token, ct);
        return revisions.Succeeded ? TypedResults.Ok(revisions.Value!) : ToProblem(revisions);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetRevision(
        string token, int number, DesignStore store, CancellationToken ct)
    {
        var revision = await store.GetRevisionDocumentAsync(token, number, ct);
        return revision.Succeeded ? TypedResults.Content(revision.Value!, "application/json") : ToProblem(revision);
    }

    /// <summary>What GET .../validation answers while the findings are still being computed.</summary>
    public sealed record AnalysisRunningResponse(
        string Status, long PairsDone, long PairsTotal, double Fraction, double ElapsedSeconds, double BudgetSeconds, int RetryAfterSeconds);

    /// <summary>How long a client is asked to wait before asking again for findings still being computed.</summary>
    private const int ValidationRetrySeconds = 1;

    private static async Task<Results<ContentHttpResult, JsonHttpResult<AnalysisRunningResponse>, ProblemHttpResult>> GetValidation(
        string token, HttpResponse response, DesignStore store, IOptions<Analysis.AnalysisOptions> analysis, CancellationToken ct) =>
        ToValidationAnswer(await store.GetLatestValidationAsync(token, ct), response, analysis.Value);

    private static async Task<Results<ContentHttpResult, JsonHttpResult<AnalysisRunningResponse>, ProblemHttpResult>> ReanalyseDesign(
        string token, HttpResponse response, DesignStore store, IOptions<Analysis.AnalysisOptions> analysis, CancellationToken ct) =>
        ToValidationAnswer(await store.ReanalyseLatestAsync(token, ct), response, analysis.Value);

    private static Results<ContentHttpResult, JsonHttpResult<AnalysisRunningResponse>, ProblemHttpResult> ToValidationAnswer(
        StoreResult<LatestValidation> validation, HttpResponse response, Analysis.AnalysisOptions analysis)
    {
        if (!validation.Succeeded)
        {
            return ToProblem(validation);
        }

        if (validation.Value!.Running is not { } job)
        {
            return TypedResults.Content(validation.Value.FindingsJson!, "application/json");
        }

        response.Headers.RetryAfter = ValidationRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var status = job.State == Analysis.AnalysisState.Queued ? "queued" : "running";
        return TypedResults.Json(
            new AnalysisRunningResponse(
                status, job.Progress.PairsDone, job.Progress.PairsTotal, job.Fraction,
                Math.Round(job.Elapsed.TotalSeconds, 1), analysis.MaxSeconds, ValidationRetrySeconds),
            statusCode: StatusCodes.Status202Accepted);
    }

    private static CreatedResponse ToResponse(PublicBaseUrl links, CreatedDesign design) =>
        new(design.Id, design.Name, design.EditToken, design.ViewToken,
            DesignLinks.Absolute(links, design.EditToken), DesignLinks.Absolute(links, design.ViewToken), design.Version);

    private static string ETagFor(int version) => IfMatch.ETagFor(version);

    private static Task<BodyText> ReadDocumentAsync(HttpRequest request, CancellationToken ct) =>
        RequestBody.ReadJsonTextAsync(request, MaxDocumentBytes, "design document", InvalidTitle, setting: null, ct);

    private const string InvalidTitle = "The design document is invalid";

    private static ProblemHttpResult ToProblem<T>(StoreResult<T> result)
    {
        var (status, title) = result.Status switch
        {
            StoreStatus.NotFound => (StatusCodes.Status404NotFound, "Design not found"),
            StoreStatus.Forbidden => (StatusCodes.Status403Forbidden, "Read-only link"),
            StoreStatus.Conflict => (StatusCodes.Status409Conflict, "The design changed since you read it"),
            StoreStatus.Invalid => (StatusCodes.Status400BadRequest, InvalidTitle),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected result"),
        };
        var extensions = new Dictionary<string, object?>();
        if (result.Problems.Count > 0)
        {
            extensions["problems"] = result.Problems;
        }

        if (result.CurrentVersion is { } current)
        {
            // The version to read before saving again, as a number and as the ETag GET would return.
            extensions["currentVersion"] = current;
            extensions["currentETag"] = ETagFor(current);
        }

        return TypedResults.Problem(statusCode: status, title: title, detail: result.Message, extensions: extensions);
    }
}
