using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace OneArmDesigner.Web.Hosting;

/// <summary>
/// Degraded, not unhealthy, while Redis is unreachable: this instance still serves its own clients, only hub events
/// and classroom pages on other instances miss what happens here. Healthy again once the multiplexer reconnects.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis cannot be reached; reconnecting. Events do not cross instances meanwhile.");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers ({latency.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis does not answer: " + ex.GetType().Name + ".");
        }
    }
}
