using Microsoft.AspNetCore.DataProtection;
using OneArmDesigner.Data;
using OneArmDesigner.Web.Classroom;
using StackExchange.Redis;

namespace OneArmDesigner.Web.Hosting;

/// <summary>
/// What lets several instances serve as one: data-protection keys in the shared database (so a circuit or an
/// antiforgery token protected by one instance is read by another, and survive a restart), and, when
/// <c>Redis:Connection</c> is set, the Redis backplane for every hub and the classroom bus for pages. Without it the
/// app is a single instance, as in the README's run command.
/// </summary>
internal static class ScaleOut
{
    public const string RedisSetting = "Redis:Connection";

    public static WebApplicationBuilder AddOneArmDesignerScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("OneArmDesigner").PersistKeysToDbContext<OneArmDesignerDbContext>();

        var redis = builder.Configuration[RedisSetting];
        if (string.IsNullOrWhiteSpace(redis))
        {
            return builder;
        }

        var options = ConfigurationOptions.Parse(redis);
        // Start even while Redis is down, and reconnect by itself when it comes back: /health says degraded meanwhile.
        options.AbortOnConnectFail = false;
        options.ClientName ??= "onearm";
        var multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IConnectionMultiplexer>(_ => multiplexer.Value);
        services.AddSignalR().AddStackExchangeRedis(redisOptions =>
        {
            redisOptions.Configuration.ChannelPrefix = RedisChannel.Literal("OneArmDesigner");
            redisOptions.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(multiplexer.Value);
        });
        services.AddSingleton<IClassroomBus, RedisClassroomBus>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }
}
