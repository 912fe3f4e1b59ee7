using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneArmDesigner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Blazor moves between pages inside one document (history.pushState), so there is no "load" event to wait for, and
/// waiting for a navigation event races with it: Playwright's WaitForURL looks at the address, then listens for the
/// next navigation, and a pushState that lands between the two is never heard (a CI run and a loaded local run both
/// saw a press "lead nowhere" while the page was already at the address). Tests therefore poll the address, as a
/// person looking at it would, then wait for what they expect to see on the page.
/// </summary>
public static class Navigation
{
    /// <summary>Long enough for a press that makes the server create a design on a loaded two-core machine.</summary>
    public const float AfterPress = 30_000;

    /// <summary>Waits until the page's address matches <paramref name="address"/>.</summary>
    public static Task ArrivedAtAsync(this IPage page, Regex address, float timeout = AfterPress) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = timeout });

    /// <summary>Waits until the page has left <paramref name="before"/> for an address matching <paramref name="address"/>.</summary>
    public static async Task ArrivedAtAsync(this IPage page, Regex address, string before, float timeout = AfterPress)
    {
        await Assertions.Expect(page).Not.ToHaveURLAsync(before, new PageAssertionsToHaveURLOptions { Timeout = timeout });
        await page.ArrivedAtAsync(address, timeout);
    }
}
