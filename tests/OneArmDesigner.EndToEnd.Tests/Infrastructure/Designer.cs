using Microsoft.Playwright;

namespace OneArmDesigner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Drives the design page the way a person does: drags tiles from the palette, clicks devices, drags cables between
/// them, and types into the properties panel. Every method waits for what the person would see before going on.
/// </summary>
public sealed class Designer(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Node(string name) => Page.Locator($".oad-node[data-node-id='{name}']");

    /// <summary>The input of a field, however MudBlazor nests it under the test id.</summary>
    public ILocator Field(string testId) => Page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>Drags a palette tile to (x, y) inside the canvas and names the new device; returns its node.</summary>
    public async Task<ILocator> DropAsync(string kind, string name, float x, float y)
    {
        var before = await Page.Locator(".oad-node").CountAsync();
        await Page.GetByTestId($"palette-{kind}").DragToAsync(Page.GetByTestId("design-canvas"),
            new LocatorDragToOptions { TargetPosition = new TargetPosition { X = x, Y = y } });
        await Assertions.Expect(Page.Locator(".oad-node")).ToHaveCountAsync(before + 1);
        var given = await Field("prop-name").InputValueAsync();
        if (given != name)
        {
            await TypeAsync("prop-name", name);
        }

        await Assertions.Expect(Node(name)).ToHaveCountAsync(1);
        return Node(name);
    }

    /// <summary>
    /// Where an element is once the page has stopped moving it: the canvas refits when the panels beside it change
    /// (findings arriving, a layout settling), and a touch aimed at a box read just before lands elsewhere.
    /// </summary>
    public static async Task<LocatorBoundingBoxResult> SettledBoxAsync(ILocator locator)
    {
        var box = (await locator.BoundingBoxAsync())!;
        for (var tries = 0; tries < 40; tries++)
        {
            await locator.Page.WaitForTimeoutAsync(150);
            var again = (await locator.BoundingBoxAsync())!;
            if (again.X == box.X && again.Y == box.Y && again.Width == box.Width && again.Height == box.Height)
            {
                return again;
            }

            box = again;
        }

        throw new TimeoutException($"{locator} kept moving for 6 s.");
    }

    /// <summary>Selects a device by clicking its icon, and waits for its properties.</summary>
    public async Task SelectAsync(string name)
    {
        // A press before the canvas's script has attached goes nowhere, as it would for a user on a slow first load.
        await Assertions.Expect(Node(name).Locator("xpath=ancestor::*[local-name()='svg'][@data-attached]").First).ToBeAttachedAsync();
        await Node(name).Locator("image").ClickAsync();
        await Assertions.Expect(Field("prop-name")).ToHaveValueAsync(name);
    }

    /// <summary>Types into a field and presses Enter, which commits it; then checks the field shows no error.</summary>
    public async Task TypeAsync(string testId, string text)
    {
        var field = Field(testId);
        await field.FillAsync(text);
        await field.PressAsync("Enter");
        await Assertions.Expect(Page.Locator($"[data-testid='{testId}'] .mud-input-error, .mud-input-control:has(input[data-testid='{testId}']) .mud-input-error")).ToHaveCountAsync(0);
    }

    /// <summary>Types into a field that offers suggestions (a flow's host) and leaves it with Tab, keeping what was typed.</summary>
    public async Task EnterAsync(string testId, string text)
    {
        var field = Field(testId);
        await field.FillAsync(text);
        await field.PressAsync("Tab");
        await Assertions.Expect(field).ToHaveValueAsync(text);
    }

    /// <summary>Fills a field of a rule being written, without committing anything.</summary>
    public Task DraftAsync(string testId, string text) => Field(testId).FillAsync(text);

    /// <summary>Opens a select by its test id and picks the option with this text.</summary>
    public async Task ChooseAsync(string testId, string option)
    {
        await Page.Locator($"[data-testid='{testId}']").First.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = option }).First.ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Drags a cable from one device's port handle to another device, then fills in the cable dialog: the interface
    /// at each end (null keeps the offered one; a name it does not offer creates it) and the addresses.
    /// </summary>
    public async Task CableAsync(string from, string to, (string? Interface, string? Address) fromEnd = default, (string? Interface, string? Address) toEnd = default)
    {
        var links = await Page.Locator(".oad-link").CountAsync();
        await SelectAsync(from);
        var port = (await Node(from).Locator("circle.oad-port").First.BoundingBoxAsync())!;
        var target = (await Node(to).Locator("image").BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(port.X + (port.Width / 2), port.Y + (port.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new MouseMoveOptions { Steps = 8 });
        await Page.Mouse.UpAsync();

        var dialog = Page.GetByTestId("cable-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await FillEndAsync(from, fromEnd);
        await FillEndAsync(to, toEnd);
        await Page.GetByTestId("cable-connect").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator(".oad-link")).ToHaveCountAsync(links + 1);
    }

    private async Task FillEndAsync(string device, (string? Interface, string? Address) end)
    {
        if (end.Interface is { } name)
        {
            await Page.Locator($"[data-testid='cable-interface-{device}']").First.ClickAsync();
            var options = Page.Locator(".mud-popover-open .mud-list-item");
            await Assertions.Expect(options.First).ToBeVisibleAsync();
            var existing = options.Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{name}\\s*$") });
            if (await existing.CountAsync() > 0)
            {
                await existing.First.ClickAsync();
            }
            else
            {
                await options.Filter(new LocatorFilterOptions { HasText = "New interface…" }).ClickAsync();
                await Field($"cable-new-name-{device}").FillAsync(name);
            }

            await Assertions.Expect(options).ToHaveCountAsync(0);
        }

        if (end.Address is { } address)
        {
            await Field($"cable-address-{device}").FillAsync(address);
        }
    }
}
