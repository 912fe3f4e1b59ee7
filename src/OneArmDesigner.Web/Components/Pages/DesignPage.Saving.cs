using Microsoft.JSInterop;
using MudBlazor;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using Severity = MudBlazor.Severity;
using OneArmDesigner.Web.Components.Designs;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Components.Pages;

// Autosave and its conflicts, copies and forks, sharing, revisions and export.
public sealed partial class DesignPage
{
    private async Task<AutosaveScheduler.Outcome> SaveAsync(CancellationToken ct)
    {
        var seq = Interlocked.Read(ref _editSeq);
        var json = DesignDocument.Serialize(_history!.Current);
        var saved = await Store.SaveAsync(Token, json, _version, autosave: true, ct);
        if (saved.Succeeded)
        {
            _version = saved.Value!.Version;
            await DraftSavedAsync(seq);
            return AutosaveScheduler.Outcome.Saved;
        }

        return saved.Status == StoreStatus.Conflict ? AutosaveScheduler.Outcome.Conflict : AutosaveScheduler.Outcome.Failed;
    }

    private async Task RetrySaveAsync()
    {
        if (_autosave is not null)
        {
            await _autosave.SaveNowAsync();
        }
    }

    private async Task ReloadAsync()
    {
        // Their version wins: what this browser kept of ours goes with it.
        await DiscardDraftAsync();
        _opened = null;
        await LoadAsync();
        _saveState = SaveState.Saved;
    }

    private async Task SaveAsCopyAsync()
    {
        var created = await Store.CreateAsync(DesignDocument.Serialize(_history!.Current with { Name = _history.Current.Name + " (my copy)" }));
        if (created.Succeeded)
        {
            await DiscardDraftAsync();
            await BrowserHistory.RememberAsync(created.Value!.EditToken);
            Navigation.NavigateTo(DesignLinks.Relative(created.Value.EditToken));
        }
    }

    private async Task ForkAsync()
    {
        if (_autosave is not null)
        {
            await _autosave.SaveNowAsync();
        }

        var fork = await Store.ForkAsync(Token);
        if (!fork.Succeeded)
        {
            Snackbar.Add(fork.Message ?? "The design could not be copied.", Severity.Error);
            return;
        }

        await BrowserHistory.RememberAsync(fork.Value!.EditToken);
        Snackbar.Add("This is your own copy: edit away.", Severity.Success);
        Navigation.NavigateTo(DesignLinks.Relative(fork.Value.EditToken));
    }

    private async Task ShareAsync()
    {
        var opened = await Store.OpenAsync(Token);
        var parameters = new DialogParameters<ShareDialog>
        {
            { d => d.DesignName, _history!.Current.Name },
            { d => d.EditToken, Token },
            { d => d.ViewToken, opened.Value?.ViewToken },
        };
        await Dialogs.ShowAsync<ShareDialog>("Share", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
    }

    private async Task HistoryAsync()
    {
        var dialog = await Dialogs.ShowAsync<RevisionsDialog>("History",
            new DialogParameters<RevisionsDialog> { { d => d.Token, Token }, { d => d.CanRestore, CanEdit } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: int number })
        {
            var document = await Store.GetRevisionDocumentAsync(Token, number);
            var loaded = document.Succeeded ? DesignDocument.Load(document.Value!) : null;
            if (loaded?.Design is null)
            {
                Snackbar.Add($"Revision {number} could not be read.", Severity.Error);
                return;
            }

            Apply(loaded.Design, $"restore revision {number}", redraw: true);
            Snackbar.Add($"Restored revision {number}. Undo takes it back.", Severity.Success);
        }
    }

    private async Task ExportSvgAsync() =>
        await JS.InvokeVoidAsync("oneArm.exportCanvas", "[data-testid=design-canvas] svg", $"{_history!.Current.Name}.svg", "svg", DesignDocument.Serialize(_history.Current));

    private async Task ExportPngAsync() =>
        await JS.InvokeVoidAsync("oneArm.exportCanvas", "[data-testid=design-canvas] svg", $"{_history!.Current.Name}.png", "png", DesignDocument.Serialize(_history.Current));

    private async Task ExportAsync() =>
        await JS.InvokeVoidAsync("oneArm.download", $"{_history!.Current.Name}.json", "application/json", DesignDocument.Serialize(_history.Current));
}
