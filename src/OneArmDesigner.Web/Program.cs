using OneArmDesigner.Web.Hosting;

var builder = WebApplication.CreateBuilder(AppHosting.Options(args));

// Hosting: the default address, and static files served the same from a build as from a publish, in any environment.
builder.UseOneArmDesignerHostDefaults();

// Services: Blazor (interactive server) with MudBlazor, SQLite through EF Core, health checks, request logging.
builder.AddOneArmDesignerServices();

var app = builder.Build();

// Apply EF Core migrations before the first request, creating the database file on first run.
await app.MigrateDatabaseAsync();

// Pipeline: friendly error pages, request logging, static files from the top-level wwwroot/, endpoints, Blazor.
app.UseOneArmDesignerPipeline();
app.MapOneArmDesignerEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can start the real app.</summary>
public partial class Program;
