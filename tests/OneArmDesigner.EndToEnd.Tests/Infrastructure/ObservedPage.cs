using Microsoft.Playwright;

namespace OneArmDesigner.EndToEnd.Tests.Infrastructure;

/// <summary>A page plus what it said on the console and every URL it asked for.</summary>
public sealed class ObservedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _requests = [];

    public ObservedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // Failed loads are recorded with their URL by the Response handler; the console's copy names no URL.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add($"HTTP {response.Status} for {response.Url}");
                }
            }
        };
        page.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrors) { return [.. _consoleErrors]; } }
    }

    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) { return [.. _requests]; } }
    }

    /// <summary>Navigates and waits until the Blazor circuit is up, so clicks reach the server.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-appbar') !== null");
        await WaitForCircuitAsync();
    }

    /// <summary>Blazor Server marks nothing in the DOM when the circuit connects; an interactive round trip proves it.</summary>
    public async Task WaitForCircuitAsync() =>
        await Page.WaitForFunctionAsync("() => document.documentElement.dataset.circuit === 'up'", null,
            new PageWaitForFunctionOptions { Timeout = 15000 });

    /// <summary>Saves a full-page PNG into the screenshot folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
