using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Components.Designs;

/// <summary>Shows a design's edit and view links, and lets the owner regenerate or revoke the view link.</summary>
public partial class ShareDialog
{
    private string? _viewToken;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;

    [Parameter, EditorRequired] public string DesignName { get; set; } = "";

    [Parameter, EditorRequired] public string EditToken { get; set; } = "";

    [Parameter] public string? ViewToken { get; set; }

    [Inject] private DesignStore Store { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override void OnInitialized() => _viewToken = ViewToken;

    [Inject] private Hosting.PublicBaseUrl PublicBase { get; set; } = null!;

    /// <summary>
    /// Under the configured public address; without one, under the address this browser opened the app at (in a live
    /// circuit that is the browser's own location, not a header anyone can write).
    /// </summary>
    private string Absolute(string token) => PublicBase.IsConfigured
        ? DesignLinks.Absolute(PublicBase, token)
        : Navigation.ToAbsoluteUri(DesignLinks.Relative(token)).ToString();

    private Task CopyEditLinkAsync() => CopyAsync(Absolute(EditToken), "Edit link");

    private Task CopyViewLinkAsync() => _viewToken is null ? Task.CompletedTask : CopyAsync(Absolute(_viewToken), "View link");

    private async Task CopyAsync(string text, string what)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", text);
            Snackbar.Add($"{what} copied.", Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add("The browser refused clipboard access; select the link and copy it by hand.", Severity.Warning);
        }
    }

    private async Task RegenerateAsync()
    {
        _busy = true;
        var result = await Store.RegenerateViewTokenAsync(EditToken);
        _busy = false;
        if (result.Succeeded)
        {
            _viewToken = result.Value;
            Snackbar.Add("A new view link is ready; the previous one no longer works.", Severity.Info);
        }
        else
        {
            Snackbar.Add(result.Message ?? "The view link could not be regenerated.", Severity.Error);
        }
    }

    private async Task RevokeAsync()
    {
        _busy = true;
        var result = await Store.RevokeViewTokenAsync(EditToken);
        _busy = false;
        if (result.Succeeded)
        {
            _viewToken = null;
            Snackbar.Add("The view link is revoked.", Severity.Info);
        }
        else
        {
            Snackbar.Add(result.Message ?? "The view link could not be revoked.", Severity.Error);
        }
    }

    private void Close() => Dialog.Close(DialogResult.Ok(_viewToken));
}
