using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneArmDesigner.Web.Analysis;

internal static class AnalysisServices
{
    /// <summary>The background analysis queue, its limits (section <c>Analysis</c>) and the findings kept by content hash.</summary>
    public static IServiceCollection AddOneArmDesignerAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        // TryAdd: a test may put its own engine in first.
        services.TryAddSingleton<IAnalysisEngine, DesignAnalyzerEngine>();
        services.AddSingleton<AnalysisQueue>();
        services.AddScoped<StoredAnalyses>();
        return services;
    }
}
