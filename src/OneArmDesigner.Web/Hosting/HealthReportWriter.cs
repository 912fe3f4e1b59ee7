using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneArmDesigner.Web.Hosting;

/// <summary>Writes /health as a small JSON object so operators and probes can see which check failed.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
