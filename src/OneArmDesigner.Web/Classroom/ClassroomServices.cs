namespace OneArmDesigner.Web.Classroom;

public static class ClassroomServices
{
    /// <summary>
    /// The live classroom: its store, hub notifications, rate limits and the purge of expired sessions. The page bus is
    /// local here; the scale-out configuration replaces it with the Redis one (ScaleOut).
    /// </summary>
    public static IServiceCollection AddOneArmDesignerClassroom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassroomOptions>().Bind(configuration.GetSection(ClassroomOptions.Section));
        services.AddScoped<ClassroomStore>();
        services.AddScoped<LiveClassroom>();
        services.AddSingleton<ClassroomTraces>();
        services.AddSingleton<ClassroomNotifier>();
        services.AddSingleton<ClassroomRateLimits>();
        services.AddSingleton<IClassroomBus, LocalClassroomBus>();
        services.AddHostedService<ClassroomSweeper>();
        ClassroomRateLimits.AddClassroomRateLimiting(services);
        return services;
    }
}
