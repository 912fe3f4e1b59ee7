using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

// Opens N hub connections, each streaming the broken seed walkthrough at a fixed step delay, and reports how late
// each event arrived against its schedule: event i is due (i - 1) × delay after the stream's first event, which
// is reported apart as the start-up latency. A small warm-up round runs first so JIT compilation is not measured.
// Bounded: it gives up after --timeout seconds. Only talk to an app you run yourself on this machine.
// --hub bare drives the yardstick instead (the same precomputed events, paced alike; the app must run with
// LoadTest__BareHub=true), so the real hub's figures can be read against a bare hub's on the same machine.
// --mode classroom measures the live classroom's fan-out instead (ClassroomLoad.cs).
if (Array.IndexOf(args, "--mode") is var mode and >= 0 && mode + 1 < args.Length && args[mode + 1] == "classroom")
{
    return await ClassroomLoad.RunAsync(args);
}

var options = LoadOptions.Parse(args);
var hubPath = options.Hub == "bare" ? "/hubs/load-test-bare" : "/hubs/simulation";
Console.WriteLine($"{options.Streams} streams started over {options.RampSeconds} s, {options.DelayMs} ms per step, against {options.Url}{hubPath}");

var lateness = new List<double>();
var startups = new List<double>();
var failures = 0;
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
var connections = new List<HubConnection>();
try
{
    for (var i = 0; i < options.Streams; i++)
    {
        var connection = new HubConnectionBuilder().WithUrl(options.Url.TrimEnd('/') + hubPath).Build();
        try
        {
            await connection.StartAsync(deadline.Token);
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"cannot connect to {options.Url}: {ex.Message}. Start the app first (docs/performance.md).");
            return 2;
        }

        connections.Add(connection);
    }

    // --ramp spreads the starts evenly over that many seconds, as independent clients would arrive; 0 starts all at once.
    async Task<(double Startup, List<double> Late)> StreamAsync(HubConnection connection, int index)
    {
        if (options.RampSeconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.RampSeconds * index / options.Streams), deadline.Token);
        }

        var mine = new List<double>();
        var request = new { template = "one-arm-asymmetric", from = "LaptopA", to = "LaptopB", port = 3389, stepDelayMs = options.DelayMs };
        var start = Stopwatch.GetTimestamp();
        double? first = null;
        await foreach (var item in connection.StreamAsync<StreamEvent>("StreamSimulation", request, deadline.Token))
        {
            if (item.Type == "error")
            {
                throw new InvalidOperationException(item.Message);
            }

            var now = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            first ??= now;
            mine.Add(now - first.Value - ((item.Seq - 1) * options.DelayMs));
        }

        return (first ?? double.NaN, mine);
    }

    await Task.WhenAll(connections.Take(5).Select(c => StreamAsync(c, 0)));
    var streams = connections.Select(StreamAsync).ToList();

    foreach (var stream in streams)
    {
        try
        {
            var (startup, late) = await stream;
            startups.Add(startup);
            lateness.AddRange(late);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures++;
            Console.Error.WriteLine($"stream failed: {ex.Message}");
        }
    }
}
finally
{
    await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
}

static double Percentile(List<double> values, double p) =>
    values.Count == 0 ? double.NaN : values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1));

Console.WriteLine($"events {lateness.Count}, failed streams {failures}");
Console.WriteLine($"event delay vs schedule (ms): p50 {Percentile(lateness, 0.50):0.0}  p95 {Percentile(lateness, 0.95):0.0}  p99 {Percentile(lateness, 0.99):0.0}  max {Percentile(lateness, 1.0):0.0}");
Console.WriteLine($"start-up latency to the first event (ms): p50 {Percentile(startups, 0.50):0.0}  p99 {Percentile(startups, 0.99):0.0}  max {Percentile(startups, 1.0):0.0}");
return failures == 0 ? 0 : 1;

internal sealed record StreamEvent(int Seq, string Type, string? Message);

internal sealed record LoadOptions(string Url, int Streams, int DelayMs, int TimeoutSeconds, string Hub, double RampSeconds)
{
    public static LoadOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new LoadOptions(Value("--url", "http://127.0.0.1:5180"), int.Parse(Value("--streams", "50")),
            int.Parse(Value("--delay", "20")), int.Parse(Value("--timeout", "120")), Value("--hub", "simulation"),
            double.Parse(Value("--ramp", "0"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
