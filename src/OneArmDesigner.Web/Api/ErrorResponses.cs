using Microsoft.AspNetCore.Diagnostics;

namespace OneArmDesigner.Web.Api;

/// <summary>
/// How failures are answered. The API, the hubs and any request that is not a page view (not GET or HEAD) get
/// problem+json, in every environment and never with a stack trace. Page views get the friendly error and not-found
/// pages, which are re-run as GET requests of their own; a failed PUT is therefore answered as what it is, never
/// re-run against a page that only knows GET (which turned a 500 into an empty 405).
/// </summary>
public static class ErrorResponses
{
    public static bool WantsProblemJson(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
        || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    public static WebApplication UseOneArmDesignerErrorResponses(this WebApplication app)
    {
        // Pages: outside Development an unhandled exception renders the friendly error page, never a stack trace; an
        // error status without a body renders the not-found page. Both re-run the pipeline as a GET of that page.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // Everything else is answered here first, as problem+json. The page handlers above then find a response that
        // already has its body, and leave it alone.
        app.UseWhen(WantsProblemJson, problems =>
        {
            problems.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // A request the server could not read (a body cut short, a size over Kestrel's limit) is the client's
                // problem, not a server error.
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            problems.UseStatusCodePages();
        });

        return app;
    }
}
