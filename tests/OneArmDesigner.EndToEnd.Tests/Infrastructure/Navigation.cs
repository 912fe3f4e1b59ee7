using Microsoft.Playwright;

namespace OneArmDesigner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Blazor moves between pages inside one document (history.pushState), so there is no "load" event to wait for:
/// tests wait for the new address to be committed, then for what they expect to see on the page.
/// </summary>
public static class Navigation
{
    public static PageWaitForURLOptions Committed { get; } = new() { WaitUntil = WaitUntilState.Commit };
}
