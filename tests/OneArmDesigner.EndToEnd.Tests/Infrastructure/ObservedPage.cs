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

    /// <summary>Presses a template's "Use as new design" and waits for the new design's page.</summary>
    public Task OpenTemplateAsync(string template) =>
        PressToNavigateAsync(
            Page.GetByTestId($"template-{template}").GetByTestId("open-template"),
            $"\"Use as new design\" of {template}",
            new System.Text.RegularExpressions.Regex("/designs/[A-Za-z0-9_-]{43}$"));

    /// <summary>
    /// Presses a button that leads to another page and waits until the address matches (polled: see
    /// <see cref="Navigation"/>). Should the page still show the button after a while, a person would press again,
    /// and so does this, once; a button that never leads on still fails, with what the page showed and said.
    /// </summary>
    public async Task PressToNavigateAsync(ILocator button, string what, System.Text.RegularExpressions.Regex destination)
    {
        await button.ClickAsync();
        try
        {
            await Page.ArrivedAtAsync(destination, timeout: 15_000);
            return;
        }
        catch (PlaywrightException unanswered)
        {
            var where = Page.Url;
            await ScreenshotAsync($"unanswered-press-{Slug(what)}");
            if (!await button.IsVisibleAsync())
            {
                throw new TimeoutException(
                    $"{what} led to {where}, not to {destination}, and the button is gone; " +
                    $"console: [{string.Join(" | ", ConsoleErrors)}]", unanswered);
            }
        }

        await button.ClickAsync();
        try
        {
            await Page.ArrivedAtAsync(destination);
        }
        catch (PlaywrightException timeout)
        {
            throw new TimeoutException(
                $"{what} led nowhere after two presses; the page is at {Page.Url}, " +
                $"the circuit is {await Page.EvaluateAsync<string?>("() => document.documentElement.dataset.circuit ?? null") ?? "not up"}, " +
                $"console: [{string.Join(" | ", ConsoleErrors)}]", timeout);
        }
    }

    private static string Slug(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

    /// <summary>Saves a full-page PNG into the screenshot folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
