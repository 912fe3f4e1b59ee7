using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Web.Classroom;

namespace OneArmDesigner.Web.Tests.Classroom;

/// <summary>A started classroom as the API returns it.</summary>
internal sealed record CreatedClassroomResponse(string Code, string JoinUrl, string PresenterToken, string PresenterUrl);

/// <summary>
/// A hub connection to /hubs/classroom that records every event it receives, so tests can wait for the next one of
/// a kind. Events arrive as JSON objects, as any client sees them.
/// </summary>
internal sealed class ClassroomClient : IAsyncDisposable
{
    private readonly Dictionary<string, Channel<JsonElement>> _events = [];

    private ClassroomClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in new[] { ClassroomEvents.Step, ClassroomEvents.Followers, ClassroomEvents.Question, ClassroomEvents.Tally, ClassroomEvents.Revealed, ClassroomEvents.Ended })
        {
            var channel = Channel.CreateUnbounded<JsonElement>();
            _events[name] = channel;
            connection.On<JsonElement>(name, e => channel.Writer.TryWrite(e));
        }
    }

    public HubConnection Connection { get; }

    public static async Task<ClassroomClient> ConnectAsync(string baseUrl)
    {
        var connection = new HubConnectionBuilder().WithUrl(baseUrl + ClassroomHub.Path).Build();
        await connection.StartAsync();
        return new ClassroomClient(connection);
    }

    /// <summary>Starts a classroom on the broken seed walkthrough (LaptopA to LaptopB:3389).</summary>
    public static async Task<CreatedClassroomResponse> StartAsync(HttpClient http, string template = "one-arm-asymmetric")
    {
        var response = await http.PostAsJsonAsync("api/classrooms", new { template, from = "LaptopA", to = "LaptopB", port = 3389, protocol = "tcp" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedClassroomResponse>(JsonSerializerOptions.Web))!;
    }

    /// <summary>The next event of this kind, waiting up to ten seconds for it.</summary>
    public async Task<JsonElement> NextAsync(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _events[name].Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The step of the next <c>step</c> event.</summary>
    public async Task<int> NextStepAsync() => (await NextAsync(ClassroomEvents.Step)).GetProperty("step").GetInt32();

    /// <summary>True when no event of this kind is waiting (for "nothing else happened" checks after a round trip).</summary>
    public bool NoneWaiting(string name) => !_events[name].Reader.TryPeek(out _);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
