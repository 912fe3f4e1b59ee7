using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OneArmDesigner.Web.Api;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Components;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Imports;
using OneArmDesigner.Web.Security;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Hosting;

internal static class RequestPipeline
{
    public static WebApplication UseOneArmDesignerPipeline(this WebApplication app)
    {
        // Who the client is: behind a configured trusted proxy, the address it forwards; otherwise the connection's.
        app.UseTrustedForwardedHeaders(app.Configuration);

        // Security headers on every response, errors included; then problem+json or friendly pages for failures.
        app.UseSecurityHeaders();
        app.UseOneArmDesignerErrorResponses();

        app.UseHttpLogging();
        app.UseAllowedOrigins();
        app.UseRateLimiter();
        app.UseAntiforgery();
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
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server =>
        {
            // The app's own Content-Security-Policy (SecurityHeaders) already forbids every frame ancestor; Blazor's
            // default header would be a second policy on the same responses.
            server.ContentSecurityFrameAncestorsPolicy = null;
        });
        return app;
    }
}
