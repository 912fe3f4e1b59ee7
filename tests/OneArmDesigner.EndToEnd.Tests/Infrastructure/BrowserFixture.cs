using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Testing;

namespace OneArmDesigner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One running app and one headless Debian Chromium shared by a test collection. Each test opens its own
/// browser context, so cookies and storage never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser downloads are not reachable from these machines.</summary>
    private const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public RunningApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go, for people to look at after a run.</summary>
    public static string ScreenshotFolder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        // CI runs on two cores; a server-side step such as an import or a first analysis can take longer there than
        // Playwright's default of 5 s for an expectation, without anything being wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        App = new RunningApp();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>Stores a design through the shared app's API, as a user importing it would; returns its edit page's path.</summary>
    public async Task<string> CreateDesignAsync(Design design)
    {
        using var http = App.CreateHttpClient();
        using var response = await http.PostAsync(new Uri("api/designs", UriKind.Relative),
            new StringContent(DesignDocument.Serialize(design), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return "/designs/" + created.GetProperty("editToken").GetString();
    }

    /// <summary>
    /// A fresh context and page that records console errors and every request the page makes; on the shared app, or
    /// on <paramref name="app"/> when a test needs one configured its own way, or at <paramref name="baseUrl"/> (an
    /// app running as its own process).
    /// </summary>
    public async Task<ObservedPage> OpenPageAsync(string path = "/", int width = 1400, int height = 900, RunningApp? app = null, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? (app ?? App).BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var observed = new ObservedPage(context, page);
        await observed.GotoAsync(path);
        return observed;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        App?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
