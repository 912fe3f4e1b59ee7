using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;

// Opens a generated design of about --devices devices (hub and spoke; or --generator irregular --subnets N) in the designer, --runs times, timing how long until every
// device is on the canvas and the page is interactive; then drags one device for about two seconds while recording
// the browser's animation-frame times. Start the app in Release first (docs/performance.md shows how).
var options = Options.Parse(args);
var sites = Math.Max(1, (int)Math.Ceiling((options.Devices - 6) / 3.0));
// --generator irregular: IrregularNetwork with --subnets host subnets (1,450 give about 3,700 devices), the
// irregular shape of real networks; the drag then takes a host in the middle of the device list.
var design = options.Generator == "irregular" ? IrregularNetwork.Generate(options.Subnets) : HubAndSpoke.Generate(sites);
var dragged = options.Generator == "irregular"
    ? design.Devices.Where(d => d.Kind == OneArmDesigner.Domain.Model.DeviceKind.Host).ElementAt(design.Devices.Count(d => d.Kind == OneArmDesigner.Domain.Model.DeviceKind.Host) / 2).Name
    : HubAndSpoke.BranchHost(sites / 2);
Console.WriteLine($"design: {design.Name} = {design.Devices.Count} devices, {design.Links.Count} cables");

using var http = new HttpClient { BaseAddress = new Uri(options.Url) };
// Compact JSON: the document limit is 2 MB, which the indented form of the largest designs passes only just.
var created = await http.PostAsync("/api/designs", new StringContent(System.Text.Json.Nodes.JsonNode.Parse(DesignDocument.Serialize(design))!.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
created.EnsureSuccessStatusCode();
var editUrl = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("editUrl").GetString()!;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = options.Chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

var shown = new List<double>();
var interactive = new List<double>();
// One browser context for every run, so its cache holds the app's scripts and styles after the first: the time is
// that of opening a design in a browser that has used the app before, which is what a person does all day.
var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
var page = await context.NewPageAsync();
for (var run = 0; run <= options.Runs; run++)
{
    await page.GotoAsync("about:blank");
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(editUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    // Every device on screen: drawn in full, or, for a design so large it opens far zoomed out, sketched (one path of
    // every device's box) until the live canvas draws it in full.
    await page.WaitForFunctionAsync($"() => document.querySelectorAll('.oad-node').length >= {design.Devices.Count} || (document.querySelector('.oad-sketch-nodes')?.getAttribute('d')?.split('M').length ?? 0) > {design.Devices.Count}", null, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 60_000 });
    var nodesAt = clock.Elapsed.TotalMilliseconds;
    // Interactive: the circuit has rendered and the canvas's script handles input.
    await page.WaitForFunctionAsync("() => document.documentElement.dataset.circuit === 'up' && document.querySelector('svg.oad-canvas[data-attached]') !== null", null, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 60_000 });
    var upAt = clock.Elapsed.TotalMilliseconds;
    if (run > 0)
    {
        // The first run warms the server (JIT) and the browser's cache, and is not counted.
        shown.Add(nodesAt);
        interactive.Add(upAt);
    }
}

Console.WriteLine($"open, all devices drawn (ms): {Stats(shown)}");
Console.WriteLine($"open, interactive (ms):       {Stats(interactive)}");

// Drag: a device near the middle of the view, moved in small steps at about 60 Hz, as a hand would.
await page.EvaluateAsync(@"() => {
  window.__frames = [];
  const tick = t => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}");
// Zoomed to fit, 500 devices are a few pixels each; a person zooms in to work on one, with all of them still drawn.
var node = page.Locator($".oad-node[data-node-id='{dragged}'] image");
var box = (await node.BoundingBoxAsync())!;
for (var turn = 0; turn < 40 && box.Width < 40; turn++)
{
    await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
    await page.Mouse.WheelAsync(0, -120);
    var before = box.Width;
    for (var wait = 0; wait < 20 && box.Width == before; wait++)
    {
        // The zoom is the server's answer to the wheel; wait for it before turning the wheel again.
        await page.WaitForTimeoutAsync(50);
        box = (await node.BoundingBoxAsync())!;
    }
}

await page.WaitForTimeoutAsync(500);
box = (await node.BoundingBoxAsync())!;
var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
await page.Mouse.MoveAsync(x, y);
var under = await page.EvaluateAsync<string>($"() => {{ const e = document.elementFromPoint({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)}); return e.tagName + ' ' + (e.closest('[data-node-id]')?.dataset.nodeId ?? e.className?.baseVal ?? ''); }}");
Console.WriteLine($"under the pointer: {under}; node box {box.Width:0.0} x {box.Height:0.0} px");
await page.Mouse.DownAsync();
var start = await page.EvaluateAsync<double>("() => performance.now()");
for (var i = 1; i <= options.DragSteps; i++)
{
    await page.Mouse.MoveAsync(x + (i * 2), y + i);
    await Task.Delay(16);
    if (i == 10)
    {
        Console.WriteLine($"gesture after 10 moves: {await page.EvaluateAsync<string?>("() => document.querySelector('.oad-canvas')?.dataset.gesture ?? null")}");
    }
}

var end = await page.EvaluateAsync<double>("() => performance.now()");
await page.Mouse.UpAsync();
await page.WaitForTimeoutAsync(300);
var frames = await page.EvaluateAsync<double[]>("() => { window.__stop = true; return window.__frames; }");
var during = frames.Where(t => t >= start && t <= end).ToArray();
var intervals = during.Zip(during.Skip(1), (a, b) => b - a).ToList();
Console.WriteLine($"drag: {options.DragSteps} pointer moves over {end - start:0} ms, {intervals.Count} frames");
Console.WriteLine($"frame interval (ms): {Stats(intervals)}; frames over 16.7 ms: {intervals.Count(i => i > 16.7 + 1)} (1 ms timer slack)");
var moved = await page.Locator($".oad-node[data-node-id='{dragged}'] image").BoundingBoxAsync();
Console.WriteLine($"device moved by ({moved!.X - box.X:0}, {moved.Y - box.Y:0}) px");
return 0;

static string Stats(IReadOnlyCollection<double> values)
{
    var sorted = values.Order().ToArray();
    double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    return sorted.Length == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):0.0}, p95 {At(0.95):0.0}, max {sorted[^1]:0.0} (n={sorted.Length})");
}

internal sealed record Options(string Url, int Devices, int Runs, int DragSteps, string Chromium, string Generator, int Subnets)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        return new Options(Get("--url", "http://127.0.0.1:5199"), int.Parse(Get("--devices", "500"), CultureInfo.InvariantCulture),
            int.Parse(Get("--runs", "5"), CultureInfo.InvariantCulture), int.Parse(Get("--drag-steps", "120"), CultureInfo.InvariantCulture),
            Get("--chromium", "/usr/bin/chromium"), Get("--generator", "hub"), int.Parse(Get("--subnets", "1450"), CultureInfo.InvariantCulture));
    }
}
