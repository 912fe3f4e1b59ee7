using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;
using OneArmDesigner.Testing;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// An edit the server received but had not saved when it went away is kept by the browser and offered back, never
/// dropped without a word.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class UnsavedEditsTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/(?<token>[A-Za-z0-9_-]{43})$")]
    private static partial Regex DesignLink();

    /// <summary>The app as users run it, with the autosave pause given.</summary>
    private static Task<AppProcess> StartAsync(TimeSpan autosavePause, string? folder = null, int port = 0) =>
        AppProcess.StartAsync(RepositoryPaths.WebBuildOutput,
            settings: new Dictionary<string, string> { ["Designer__AutosavePauseMs"] = ((int)autosavePause.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            folder: folder, port: port);

    [Fact]
    public async Task An_edit_made_just_before_the_server_dies_is_offered_back_after_the_reload_and_saved_when_restored()
    {
        // The first server's autosave waits a minute, so it is sure to be gone before it saves.
        using var first = await StartAsync(TimeSpan.FromMinutes(1));
        await using var observed = await browser.OpenPageAsync("/templates", baseUrl: first.BaseUrl);
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-asymmetric");
        var token = DesignLink().Match(page.Url).Groups["token"].Value;
        var name = page.Locator("input[data-testid='design-name'], [data-testid='design-name'] input").First;
        await Assertions.Expect(name).ToHaveValueAsync("one-arm-asymmetric");

        // The edit reaches the server, which keeps it in this browser at once; the autosave is a minute away.
        await name.FillAsync("Branch RDP review");
        await name.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("unsaved changes");
        await page.WaitForFunctionAsync($"() => (localStorage.getItem('onearm.draft.{token}') ?? '').includes('Branch RDP review')");

        // The server dies before it saves: nothing it did not write survives it.
        first.Kill();
        using var second = await StartAsync(TimeSpan.FromSeconds(1), first.Folder, first.Port);
        await page.ReloadAsync();
        await observed.WaitForCircuitAsync();

        var offer = page.GetByTestId("unsaved-offer");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await Assertions.Expect(name).ToHaveValueAsync("one-arm-asymmetric");
        await Assertions.Expect(page.GetByTestId("restore-unsaved")).ToHaveTextAsync("Restore 1 unsaved change");
        await observed.ScreenshotAsync("unsaved-offer");

        await page.GetByTestId("restore-unsaved").ClickAsync();
        await Assertions.Expect(name).ToHaveValueAsync("Branch RDP review");
        await Assertions.Expect(offer).ToHaveCountAsync(0);

        // Saved for real now: the server has it, and the browser no longer needs to keep it.
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        using var client = second.CreateHttpClient();
        var saved = await WaitForAsync(async () =>
            JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/designs/{token}", UriKind.Relative))).RootElement.GetProperty("name").GetString(),
            "Branch RDP review", TimeSpan.FromSeconds(15));
        Assert.Equal("Branch RDP review", saved);
        await page.WaitForFunctionAsync($"() => localStorage.getItem('onearm.draft.{token}') === null");
        await observed.ScreenshotAsync("unsaved-restored");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, T expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await read();
        while (!Equals(value, expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            value = await read();
        }

        return value;
    }
}
