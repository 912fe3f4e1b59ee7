using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneArmDesigner.Data;

namespace OneArmDesigner.Web.Hosting;

/// <summary>
/// Healthy when the database answers and no migration is pending. A database that does not answer is degraded, not
/// unhealthy: the app keeps running and serves again as soon as the connection comes back, with no restart.
/// </summary>
internal sealed class DatabaseHealthCheck(OneArmDesignerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Degraded("The database cannot be reached; requests that need it fail until it is back.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database is reachable and fully migrated.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The database check failed: " + ex.GetType().Name + "; requests that need it fail until it is back.");
        }
    }
}
