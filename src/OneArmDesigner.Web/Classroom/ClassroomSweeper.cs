namespace OneArmDesigner.Web.Classroom;

/// <summary>Deletes ended and idle-expired classrooms now and then; until then they already answer as not found.</summary>
public sealed class ClassroomSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ClassroomSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ClassroomStore>().PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} ended or expired classrooms.", purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A lost database connection: try again next time; the app keeps serving.
                logger.LogWarning("Classroom purge failed: {Error}", ex.Message);
            }
        }
    }
}
