using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

/// <summary>
/// The classroom's fan-out under load: one presenter and N followers on /hubs/classroom. The presenter starts a
/// classroom on the broken seed walkthrough, the followers join (spread over the given instances, so with two
/// instances half of them hear the presenter only through the Redis backplane), then the presenter sets S steps, one
/// every --interval ms. Each follower notes when each step event arrives; the delay of an event is its arrival minus
/// the moment the presenter called SetStep, both read from this process's clock. Bounded by --timeout. Talk only to an
/// app you run yourself on this machine (docs/performance.md).
/// </summary>
internal static class ClassroomLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var presenterUrl = Value("--url", "http://127.0.0.1:5180").TrimEnd('/');
        var followerUrls = Value("--follower-urls", presenterUrl).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => u.TrimEnd('/')).ToArray();
        var followers = int.Parse(Value("--followers", "500"), System.Globalization.CultureInfo.InvariantCulture);
        var steps = int.Parse(Value("--steps", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var interval = TimeSpan.FromMilliseconds(int.Parse(Value("--interval", "250"), System.Globalization.CultureInfo.InvariantCulture));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(int.Parse(Value("--timeout", "300"), System.Globalization.CultureInfo.InvariantCulture)));
        Console.WriteLine($"classroom: 1 presenter on {presenterUrl}, {followers} followers over {string.Join(", ", followerUrls)}, {steps} steps every {interval.TotalMilliseconds} ms");

        using var http = new HttpClient { BaseAddress = new Uri(presenterUrl + "/") };
        var response = await http.PostAsJsonAsync("api/classrooms", new { template = "one-arm-asymmetric", from = "LaptopA", to = "LaptopB", port = 3389 }, deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"cannot start a classroom: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(deadline.Token)}");
            return 2;
        }

        var created = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
        var code = created.GetProperty("code").GetString()!;
        var token = created.GetProperty("presenterToken").GetString()!;
        var stepCount = (await http.GetFromJsonAsync<JsonElement>($"api/classrooms/{code}", deadline.Token)).GetProperty("stepCount").GetInt32();
        if (steps > stepCount)
        {
            Console.Error.WriteLine($"--steps: {steps} is more than the walkthrough's {stepCount} steps");
            return 2;
        }

        // arrivals[f][s]: when follower f heard step s (Stopwatch ticks), 0 until it has.
        var arrivals = new long[followers][];
        var connections = new List<HubConnection>();
        var joinFailures = 0;
        try
        {
            var joinStart = Stopwatch.GetTimestamp();
            foreach (var batch in Enumerable.Range(0, followers).Chunk(50))
            {
                await Task.WhenAll(batch.Select(async f =>
                {
                    arrivals[f] = new long[steps + 1];
                    var connection = new HubConnectionBuilder().WithUrl(followerUrls[f % followerUrls.Length] + "/hubs/classroom").Build();
                    connection.On<JsonElement>("step", e =>
                    {
                        var step = e.GetProperty("step").GetInt32();
                        if (step is > 0 && step <= steps)
                        {
                            arrivals[f][step] = Stopwatch.GetTimestamp();
                        }
                    });
                    lock (connections)
                    {
                        connections.Add(connection);
                    }

                    try
                    {
                        await connection.StartAsync(deadline.Token);
                        await connection.InvokeAsync<JsonElement>("Join", code, deadline.Token);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or HubException or InvalidOperationException)
                    {
                        Interlocked.Increment(ref joinFailures);
                        Console.Error.WriteLine($"follower {f} could not join: {ex.Message}");
                    }
                }));
            }

            Console.WriteLine($"{followers - joinFailures} followers joined in {Stopwatch.GetElapsedTime(joinStart).TotalSeconds:0.0} s");

            await using var presenter = new HubConnectionBuilder().WithUrl(presenterUrl + "/hubs/classroom").Build();
            await presenter.StartAsync(deadline.Token);
            var sent = new long[steps + 1];
            var acknowledged = new List<double>();
            for (var step = 1; step <= steps; step++)
            {
                sent[step] = Stopwatch.GetTimestamp();
                await presenter.InvokeAsync("SetStep", token, step, deadline.Token);
                acknowledged.Add(Stopwatch.GetElapsedTime(sent[step]).TotalMilliseconds);
                await Task.Delay(interval, deadline.Token);
            }

            // Let the last events land, then read the delays.
            await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
            var delays = new List<double>();
            var missing = 0;
            for (var f = 0; f < followers; f++)
            {
                for (var step = 1; step <= steps; step++)
                {
                    if (arrivals[f][step] == 0)
                    {
                        missing++;
                    }
                    else
                    {
                        delays.Add(Stopwatch.GetElapsedTime(sent[step], arrivals[f][step]).TotalMilliseconds);
                    }
                }
            }

            static double Percentile(List<double> values, double p) =>
                values.Count == 0 ? double.NaN : values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1));

            Console.WriteLine($"step events {delays.Count} of {followers * steps}, missing {missing}, joins refused {joinFailures}");
            Console.WriteLine($"fan-out delay SetStep -> follower (ms): p50 {Percentile(delays, 0.50):0.0}  p95 {Percentile(delays, 0.95):0.0}  p99 {Percentile(delays, 0.99):0.0}  max {Percentile(delays, 1.0):0.0}");
            Console.WriteLine($"SetStep round trip to the presenter (ms): p50 {Percentile(acknowledged, 0.50):0.0}  max {Percentile(acknowledged, 1.0):0.0}");
            await presenter.InvokeAsync("End", token, deadline.Token);
            return missing == 0 && joinFailures == 0 ? 0 : 1;
        }
        finally
        {
            // Ending the class closes nothing, but a follower's connection may already be gone: that is no failure.
            await Task.WhenAll(connections.Select(async c =>
            {
                try
                {
                    await c.DisposeAsync();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"closing a follower: {ex.GetType().Name}: {ex.Message}");
                }
            }));
        }
    }
}
