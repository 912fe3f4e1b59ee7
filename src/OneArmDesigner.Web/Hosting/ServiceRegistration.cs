using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using OneArmDesigner.Data;
using OneArmDesigner.Web.Analysis;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Imports;
using OneArmDesigner.Web.Security;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Hosting;

internal static class ServiceRegistration
{
    public static WebApplicationBuilder AddOneArmDesignerServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddOneArmDesignerData();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDesignDocumentChecker, DesignDocumentChecker>();
        services.AddScoped<DesignStore>();
        services.AddOptions<RevisionPolicy>().Bind(builder.Configuration.GetSection(RevisionPolicy.Section));
        services.AddOneArmDesignerAnalysis(builder.Configuration);
        services.AddScoped<BrowserDesignHistory>();
        services.AddScoped<BrowserDrafts>();
        services.AddOptions<Editing.EditorOptions>().Bind(builder.Configuration.GetSection(Editing.EditorOptions.Section));
        services.AddOpenApi();

        // The simulation hub has options of its own (SignalR reads a hub's options only once it is given some): it reads
        // messages large enough that a design over MaxDesignBytes still arrives, to be refused with an error event
        // naming the limit instead of a closed connection. Every other hub, Blazor's included, keeps SignalR's 32 KB.
        services.AddSignalR().AddHubOptions<SimulationHub>(_ => { });
        services.AddOptions<SimulationLimits>().Bind(builder.Configuration.GetSection(SimulationLimits.Section));
        services.AddOptions<HubOptions<SimulationHub>>().Configure<IOptions<SimulationLimits>>((hub, limits) =>
            hub.MaximumReceiveMessageSize = limits.Value.MaxHubMessageBytes);
        services.AddSingleton<StreamSlots>();
        services.AddSingleton<TemplateRunCache>();
        services.AddScoped<SimulationResolver>();
        services.AddScoped<ConfigurationImports>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOneArmDesignerClassroom(builder.Configuration);
        builder.AddOneArmDesignerScaleOut();

        // Errors as problem+json, links under the public address, live connections from the app's own origins only,
        // and per-client limits on what costs storage or CPU.
        services.AddProblemDetails();
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<AllowedOrigins>();
        services.AddClientRateLimits(builder.Configuration);

        // One structured log line per request: method, path (its link tokens redacted), status and duration, without
        // headers, query or bodies.
        services.AddHttpLoggingInterceptor<TokenRedactingLogInterceptor>();

        // The hosting layer's own "Request starting/finished" lines carry the whole URL, tokens and all, whatever the
        // configuration says about logging: the line above, redacted, takes their place.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning);
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });

        return builder;
    }
}
