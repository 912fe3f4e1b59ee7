using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DesignsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_fresh_browser_sees_the_empty_state()
    {
        await using var observed = await browser.OpenPageAsync("/designs");

        await Assertions.Expect(observed.Page.GetByTestId("no-designs")).ToBeVisibleAsync();
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Importing_a_broken_file_lists_its_problems_and_creates_nothing()
    {
        await using var observed = await browser.OpenPageAsync("/designs");
        var page = observed.Page;
        await Assertions.Expect(page.GetByTestId("no-designs")).ToBeVisibleAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.json",
            MimeType = "application/json",
            Buffer = "{\"schemaVersion\": 1, \"name\": "u8.ToArray(),
        });

        var problems = page.GetByTestId("import-problems");
        await Assertions.Expect(problems).ToBeVisibleAsync();
        await Assertions.Expect(problems).ToContainTextAsync("broken.json could not be imported");
        await observed.ScreenshotAsync("designs-import-problems");
        await Assertions.Expect(page.GetByTestId("no-designs")).ToBeVisibleAsync();
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_UTF8_names_the_byte_and_stores_nothing_mangled()
    {
        await using var observed = await browser.OpenPageAsync("/designs");
        var page = observed.Page;
        await Assertions.Expect(page.GetByTestId("no-designs")).ToBeVisibleAsync();

        // "Zürich" saved as Latin-1: the ü is the one byte 0xFC, which UTF-8 never has.
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "latin1.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.Latin1.GetBytes("""{"schemaVersion":1,"name":"Zürich","devices":[],"links":[]}"""),
        });

        var problems = page.GetByTestId("import-problems");
        await Assertions.Expect(problems).ToContainTextAsync("latin1.json could not be imported");
        await Assertions.Expect(problems).ToContainTextAsync("name: is not UTF-8 text: the byte at offset 28 (0xFC)");
        await Assertions.Expect(page.GetByTestId("no-designs")).ToBeVisibleAsync();
        Assert.Empty(observed.ConsoleErrors);
    }
}
