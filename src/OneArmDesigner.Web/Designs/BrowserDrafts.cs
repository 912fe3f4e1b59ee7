using Microsoft.JSInterop;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// An edited design the server had not acknowledged yet, as this browser kept it: the document, the version it was
/// based on, how many edits it holds beyond the last acknowledged save, and the page's running edit number.
/// </summary>
public sealed record UnsavedDraft(string Document, int BaseVersion, int Changes, long Seq, DateTimeOffset? KeptAt = null);

/// <summary>
/// Unsaved edits kept in the browser's local storage (wwwroot/js/app.js, <c>oneArmDrafts</c>) until the server
/// acknowledges a save of them, so an edit the server received but had not saved when it went away is not lost.
/// </summary>
public sealed class BrowserDrafts(IJSRuntime js)
{
    public async Task<UnsavedDraft?> ReadAsync(string token) => await js.InvokeAsync<UnsavedDraft?>("oneArmDrafts.read", token);

    public async Task KeepAsync(string token, UnsavedDraft draft) => await js.InvokeVoidAsync("oneArmDrafts.keep", token, draft);

    public async Task AcknowledgeAsync(string token, long seq) => await js.InvokeVoidAsync("oneArmDrafts.acknowledge", token, seq);

    public async Task DiscardAsync(string token) => await js.InvokeVoidAsync("oneArmDrafts.discard", token);
}
