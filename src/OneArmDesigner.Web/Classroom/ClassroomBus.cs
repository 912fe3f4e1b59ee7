using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// Carries a classroom's new state to the follower and presenter pages (Blazor circuits) of every instance. Hub
/// clients get their events from SignalR's own backplane; circuits are not hub clients, so they listen here.
/// </summary>
public interface IClassroomBus
{
    Task PublishAsync(ClassroomState state);

    /// <summary>Calls <paramref name="handler"/> with every new state of the session until the subscription is disposed.</summary>
    IDisposable Subscribe(string code, Func<ClassroomState, Task> handler);
}

/// <summary>Delivers to the subscribers of this instance: one instance, or the base of the Redis bus.</summary>
public class LocalClassroomBus : IClassroomBus
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<ClassroomState, Task>>> _subscribers = new(StringComparer.Ordinal);

    public virtual Task PublishAsync(ClassroomState state) => DeliverAsync(state);

    public IDisposable Subscribe(string code, Func<ClassroomState, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(code, _ => new()).TryAdd(id, handler);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(code, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    protected async Task DeliverAsync(ClassroomState state)
    {
        if (_subscribers.TryGetValue(state.Code, out var handlers))
        {
            // A page that fails to render its update must not keep the others from theirs.
            await Task.WhenAll(handlers.Values.Select(async h =>
            {
                try
                {
                    await h(state);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or OperationCanceledException)
                {
                    // The page is going away; its subscription is disposed with it.
                }
            }));
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>
/// Publishes every state on one Redis channel that each instance subscribes to, itself included, so a page
/// follows a presenter on any instance. Lost Redis: publishing fails (the hub events still reach hub clients of this
/// instance) until the multiplexer reconnects, which it does by itself.
/// </summary>
public sealed class RedisClassroomBus : LocalClassroomBus
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("onearm:classroom");

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisClassroomBus> _logger;

    public RedisClassroomBus(IConnectionMultiplexer redis, ILogger<RedisClassroomBus> logger)
    {
        _redis = redis;
        _logger = logger;
        redis.GetSubscriber().Subscribe(Channel, (channel, message) =>
        {
            if (message.HasValue && JsonSerializer.Deserialize<ClassroomState>((string)message!, JsonSerializerOptions.Web) is { } state)
            {
                _ = DeliverAsync(state);
            }
        });
    }

    public override async Task PublishAsync(ClassroomState state)
    {
        try
        {
            await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(state, JsonSerializerOptions.Web));
        }
        catch (RedisException ex)
        {
            _logger.LogWarning("Classroom {Code}: Redis is unreachable, pages on other instances miss this update ({Error}).", state.Code, ex.Message);
            await DeliverAsync(state);
        }
    }
}
