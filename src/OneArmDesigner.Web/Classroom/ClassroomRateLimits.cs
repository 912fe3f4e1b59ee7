using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OneArmDesigner.Web.Security;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// Every rate limit of the live classroom, in one place, on ASP.NET Core's rate limiter (System.Threading.RateLimiting):
/// the HTTP policy <see cref="Policy"/> on the classroom API and the hub's connections, per client address; and,
/// inside the hub, Join calls per connection and failed joins (unknown codes) per address. Limits come from
/// <see cref="ClassroomOptions"/>. A refusal is a 429 problem (HTTP) or a hub error naming the limit; it touches no
/// session, so the class goes on.
/// </summary>
public sealed class ClassroomRateLimits(IOptions<ClassroomOptions> options) : IDisposable
{
    public const string Policy = "classroom";

    private readonly PartitionedRateLimiter<string> _joins = PerMinute(options.Value.JoinsPerConnectionPerMinute);
    private readonly PartitionedRateLimiter<string> _failedJoins = PerMinute(options.Value.FailedJoinsPerAddressPerMinute);

    /// <summary>False when this connection has joined too often this minute.</summary>
    public bool TryJoin(string connectionId) => _joins.AttemptAcquire(connectionId).IsAcquired;

    /// <summary>Counts a join with an unknown code; false once the address has made too many this minute.</summary>
    public bool TryFail(string address) => _failedJoins.AttemptAcquire(address).IsAcquired;

    /// <summary>True while the address may still try unknown codes (checked before the look-up, counted after it).</summary>
    public bool MayGuess(string address) => _failedJoins.GetStatistics(address)?.CurrentAvailablePermits is not 0;

    public void Dispose()
    {
        _joins.Dispose();
        _failedJoins.Dispose();
    }

    /// <summary>Registers the HTTP policy; the middleware must run (app.UseRateLimiter) for endpoints that require it.</summary>
    public static IServiceCollection AddClassroomRateLimiting(IServiceCollection services)
    {
        // The 429 answer (problem+json, Retry-After, the setting named) is the app's one rejection, ClientRateLimits'.
        services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<ClassroomOptions>>().Value.RequestsPerAddressPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => Window(perMinute));
        }));
        return services;
    }

    /// <summary>The client as every per-client limit counts it (behind a trusted proxy, the address it forwards).</summary>
    public static string AddressOf(HttpContext? context) => context is null ? "unknown" : ClientAddress.Key(context);

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits)));

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(permits, 1), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}
