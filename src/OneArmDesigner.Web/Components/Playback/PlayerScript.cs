using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// A player's browser side (wwwroot/js/playback.js) attached to its root element: presenter keys, the packet's glide
/// and the event list that follows the step. The owner receives the keys through its [JSInvokable] methods.
/// </summary>
internal sealed class PlayerScript : IAsyncDisposable
{
    private const string ScriptPath = "./js/playback.js";

    private readonly IJSObjectReference _module;
    private readonly IJSObjectReference _script;
    private readonly IDisposable _owner;

    private PlayerScript(IJSObjectReference module, IJSObjectReference script, IDisposable owner) =>
        (_module, _script, _owner) = (module, script, owner);

    /// <param name="fullscreenKey">Whether F takes the player full screen (presenter mode); when false F is left to the page.</param>
    public static async Task<PlayerScript> AttachAsync<TOwner>(IJSRuntime js, ElementReference root, TOwner owner, bool fullscreenKey = true)
        where TOwner : class
    {
        var reference = DotNetObjectReference.Create(owner);
        var module = await js.InvokeAsync<IJSObjectReference>("import", ScriptPath);
        var script = await module.InvokeAsync<IJSObjectReference>("attach", root, reference, new { keys = true, fullscreenKey });
        return new PlayerScript(module, script, reference);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _script.InvokeVoidAsync("dispose");
            await _script.DisposeAsync();
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser side with it.
        }

        _owner.Dispose();
    }
}
