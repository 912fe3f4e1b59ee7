using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;

// Polls GET /health every 100 ms for --baseline seconds with nothing running, then posts --posts big generated designs at once (HubAndSpoke.Generate(--sites + i), or
// IrregularNetwork.Generate(--sites + i) with --generator irregular: distinct content, so each gets its own analysis), times each POST, then while their analyses run in the background asks GET /health every 100 ms and
// times it, and waits for each design's findings (GET .../validation: 202 until 200). Bounded by --timeout seconds.
// Only talk to an app you run yourself on this machine.
var options = LoadOptions.Parse(args);
using var http = new HttpClient { BaseAddress = new Uri(options.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));

// Compact JSON: the API limits a document's size, and indentation is a third of a generated design's.
var documents = Enumerable.Range(0, options.Posts)
    .Select(i => JsonNode.Parse(DesignDocument.Serialize(options.Generator == "irregular" ? IrregularNetwork.Generate(options.Sites + i) : HubAndSpoke.Generate(options.Sites + i)))!.ToJsonString())
    .ToList();
Console.WriteLine($"{options.Posts} {options.Generator} designs of about {options.Sites + 1:N0} hosts ({documents[0].Length / 1024:N0} KB each), against {options.Url}");

// Warm up the server's code paths with a small design first, so JIT compilation is not measured.
await PostAsync(JsonNode.Parse(DesignDocument.Serialize(HubAndSpoke.Generate(2)))!.ToJsonString());

// The same /health polling with nothing else to do first, as a yardstick for the machine's own noise.
var idleHealth = new List<double>();
using (var idle = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token))
{
    idle.CancelAfter(TimeSpan.FromSeconds(options.BaselineSeconds));
    await PollHealthAsync(idleHealth, idle.Token);
}

var posts = await Task.WhenAll(documents.Select(PostAsync));
var healthTimes = new List<double>();
using var analysesDone = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
var health = PollHealthAsync(healthTimes, analysesDone.Token);
var findings = await Task.WhenAll(posts.Select(p => FindingsAsync(p.Token)));
await analysesDone.CancelAsync();
await health;

static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

Console.WriteLine($"POST /api/designs (ms): {string.Join("  ", posts.Select(p => p.Milliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
Console.WriteLine($"GET /health with nothing running ({idleHealth.Count} requests, ms): p50 {Percentile(idleHealth, 0.5):0.0}  p99 {Percentile(idleHealth, 0.99):0.0}  max {Percentile(idleHealth, 1):0.0}");
Console.WriteLine($"GET /health while analyses ran ({healthTimes.Count} requests, ms): p50 {Percentile(healthTimes, 0.5):0.0}  p99 {Percentile(healthTimes, 0.99):0.0}  max {Percentile(healthTimes, 1):0.0}");
foreach (var (seconds, verdict) in findings)
{
    Console.WriteLine($"findings after {seconds:0.0} s: {verdict}");
}

return 0;

async Task PollHealthAsync(List<double> times, CancellationToken stop)
{
    while (!stop.IsCancellationRequested)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri("health", UriKind.Relative), deadline.Token);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        try
        {
            await Task.Delay(100, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
    }
}

async Task<(string Token, double Milliseconds)> PostAsync(string document)
{
    var start = Stopwatch.GetTimestamp();
    using var response = await http.PostAsync(new Uri("api/designs", UriKind.Relative), new StringContent(document, Encoding.UTF8, "application/json"), deadline.Token);
    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    var body = await response.Content.ReadAsStringAsync(deadline.Token);
    if (response.StatusCode != HttpStatusCode.Created)
    {
        throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {body}");
    }

    return (JsonDocument.Parse(body).RootElement.GetProperty("editToken").GetString()!, elapsed);
}

async Task<(double Seconds, string Verdict)> FindingsAsync(string token)
{
    var start = Stopwatch.GetTimestamp();
    while (true)
    {
        using var response = await http.GetAsync(new Uri($"api/designs/{token}/validation", UriKind.Relative), deadline.Token);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(deadline.Token)).RootElement;
            var verdict = json.GetProperty("complete").GetBoolean() ? "complete" : "incomplete: " + json.GetProperty("incomplete").GetString();
            return (Stopwatch.GetElapsedTime(start).TotalSeconds, verdict);
        }

        await Task.Delay(250, deadline.Token);
    }
}

internal sealed record LoadOptions(string Url, int Posts, int Sites, int TimeoutSeconds, int BaselineSeconds, string Generator)
{
    public static LoadOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new LoadOptions(Value("--url", "http://127.0.0.1:5180"), int.Parse(Value("--posts", "3")),
            int.Parse(Value("--sites", "2600")), int.Parse(Value("--timeout", "300")), int.Parse(Value("--baseline", "10")),
            Value("--generator", "hub-and-spoke") is "irregular" ? "irregular" : "hub-and-spoke");
    }
}
