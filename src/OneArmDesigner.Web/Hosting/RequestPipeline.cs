using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Components;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Imports;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Hosting;

internal static class RequestPipeline
{
    public static WebApplication UseOneArmDesignerPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Outside Development an unhandled exception renders the friendly error page, never a stack trace.
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseHttpLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapOneArmDesignerEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .DisableHttpMetrics();
        app.MapOpenApi();
        app.MapDesignsApi();
        app.MapSimulationsApi();
        app.MapImportApi();
        app.MapClassroomsApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
