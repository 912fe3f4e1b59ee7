using Microsoft.AspNetCore.Http.HttpResults;

namespace OneArmDesigner.Web.Api;

/// <summary>
/// The problem+json answers every API shares, so a client reads one shape whatever went wrong: a title, a detail for
/// people and, for a rejected request, <c>problems</c>, each naming the JSON path (or the field) it is about.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Invalid(string title, IReadOnlyList<string> problems) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: string.Join("; ", problems),
            extensions: new Dictionary<string, object?> { ["problems"] = problems });

    public static ProblemHttpResult TooLarge(string what, long maxBytes, string? setting = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The {what} is too large",
            detail: $"The {what} may be at most {Bytes(maxBytes)}{(setting is null ? "" : $" (limit {setting})")}.");

    /// <summary>Writes a problem from middleware, where there is no endpoint result to return.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>A size for people: "2 MB", "64 KB", "512 bytes".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}
