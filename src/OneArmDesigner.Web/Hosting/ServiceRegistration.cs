using Microsoft.AspNetCore.HttpLogging;
using MudBlazor.Services;
using OneArmDesigner.Data;
using OneArmDesigner.Web.Analysis;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Imports;
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
        services.AddOneArmDesignerAnalysis(builder.Configuration);
        services.AddScoped<BrowserDesignHistory>();
        services.AddOpenApi();

        services.AddSignalR();
        services.AddOptions<SimulationLimits>().Bind(builder.Configuration.GetSection(SimulationLimits.Section));
        services.AddSingleton<StreamSlots>();
        services.AddScoped<SimulationResolver>();
        services.AddScoped<ConfigurationImports>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOneArmDesignerClassroom(builder.Configuration);
        builder.AddOneArmDesignerScaleOut();

        // One structured log line per request: method, path, status and duration, without headers or bodies.
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });

        return builder;
    }
}
