using Microsoft.JSInterop;

namespace OneArmDesigner.Web.Designs;

/// <summary>The link tokens of the designs this browser created or opened, kept in the browser's local storage.</summary>
public sealed class BrowserDesignHistory(IJSRuntime js)
{
    public sealed record Entry(string Token, DateTimeOffset OpenedAt);

    public async Task<IReadOnlyList<Entry>> ListAsync() =>
        await js.InvokeAsync<Entry[]>("oneArmDesignHistory.list");

    public async Task RememberAsync(string token) => await js.InvokeVoidAsync("oneArmDesignHistory.remember", token);

    public async Task ForgetAsync(string token) => await js.InvokeVoidAsync("oneArmDesignHistory.forget", token);
}
