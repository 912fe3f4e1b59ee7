using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OneArmDesigner.Web.Api;

namespace OneArmDesigner.Web.Security;

/// <summary>
/// A token bucket per client (<see cref="ClientAddress.Key"/>): a client may make <see cref="Burst"/> requests at
/// once, and the bucket refills at <see cref="PerMinute"/> a minute, one token at a time.
/// </summary>
public sealed class TokenBucket
{
    public int Burst { get; set; }

    public int PerMinute { get; set; }

    public TokenBucketRateLimiterOptions ToOptions() => new()
    {
        TokenLimit = Math.Max(1, Burst),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, PerMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// What one client may do per minute, by kind of work (configuration section "RateLimits"). Reading is free; what
/// costs storage or CPU is counted: creating designs (create, fork, import), saving, simulating, and opening live
/// connections to a hub. Over a limit the answer is 429 problem+json with Retry-After.
/// </summary>
public sealed class ClientRateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only behind a gateway that limits per client itself (and in tests that are not about limits).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>POST /api/designs, POST .../fork, POST /api/imports, POST .../view-token.</summary>
    public TokenBucket Create { get; set; } = new() { Burst = 20, PerMinute = 20 };

    /// <summary>PUT /api/designs/{token} (each autosave is one).</summary>
    public TokenBucket Save { get; set; } = new() { Burst = 60, PerMinute = 120 };

    /// <summary>POST /api/simulations; and, counted apart, the simulation streams of the hub.</summary>
    public TokenBucket Simulate { get; set; } = new() { Burst = 60, PerMinute = 120 };

    /// <summary>Negotiations and connections to a hub under /hubs.</summary>
    public TokenBucket HubConnect { get; set; } = new() { Burst = 30, PerMinute = 60 };
}

/// <summary>
/// The named rate-limit policies endpoints opt into with <c>RequireRateLimiting(ClientRateLimits.X)</c>. Other areas
/// (a new hub, a new API) reuse these names, or add a bucket to <see cref="ClientRateLimitOptions"/> and a name here.
/// </summary>
public static class ClientRateLimits
{
    public const string Create = "create";
    public const string Save = "save";
    public const string Simulate = "simulate";
    public const string HubConnect = "hub-connect";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClientRateLimitOptions>().Bind(configuration.GetSection(ClientRateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimitOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            Add(options, Create, limits.Value, l => l.Create);
            Add(options, Save, limits.Value, l => l.Save);
            Add(options, Simulate, limits.Value, l => l.Simulate);
            Add(options, HubConnect, limits.Value, l => l.HubConnect);
        });
        services.AddSingleton<HubStreamLimiter>();
        return services;
    }

    /// <summary>The bucket a policy draws from, for messages that name the limit.</summary>
    public static string SettingOf(string policy) => policy switch
    {
        Create => "RateLimits:Create",
        Save => "RateLimits:Save",
        Simulate => "RateLimits:Simulate",
        HubConnect => "RateLimits:HubConnect",
        Classroom.ClassroomRateLimits.Policy => "Classroom:RequestsPerAddressPerMinute",
        _ => ClientRateLimitOptions.Section,
    };

    /// <summary>Seconds to wait, as Retry-After says them: whole seconds, at least one.</summary>
    public static int RetryAfterSeconds(TimeSpan? wait) => wait is { } w ? Math.Max(1, (int)Math.Ceiling(w.TotalSeconds)) : 1;

    private static void Add(RateLimiterOptions options, string name, ClientRateLimitOptions limits, Func<ClientRateLimitOptions, TokenBucket> bucket) =>
        options.AddPolicy(name, context => limits.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Key(context), _ => bucket(limits).ToOptions())
            : RateLimitPartition.GetNoLimiter("off"));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = RetryAfterSeconds(rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null);
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "";
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client has used up its allowance for this kind of request (limit {SettingOf(policy)}); try again in {seconds} s.",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds, ["limit"] = SettingOf(policy) });
    }
}

/// <summary>
/// The hub's own count of simulation streams per client: a hub connection is one HTTP request however many streams
/// it runs, so the HTTP rate limiter cannot see them. Same bucket size as <see cref="ClientRateLimitOptions.Simulate"/>,
/// counted apart from the REST API's.
/// </summary>
public sealed class HubStreamLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public HubStreamLimiter(IOptions<ClientRateLimitOptions> options)
    {
        var limits = options.Value;
        _limiter = limits.Enabled
            ? PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => limits.Simulate.ToOptions()))
            : null;
    }

    /// <summary>Takes a permit for the client, or says how long it has to wait for one.</summary>
    public bool TryAcquire(string clientKey, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(clientKey);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return false;
    }

    public void Dispose() => _limiter?.Dispose();
}
