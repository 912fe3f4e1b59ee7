using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Components.Pages;

// Unsaved edits kept in the browser until the server acknowledges them, and offered back after a reload when it
// never did (the connection or the server went away between the edit and its autosave).
public sealed partial class DesignPage
{
    private long _editSeq;
    private long _savedSeq;
    private UnsavedDraft? _offeredDraft;
    private Task _keeping = Task.CompletedTask;
    private bool _keepAgain;

    [Inject] private BrowserDrafts Drafts { get; set; } = null!;

    /// <summary>An edit was made: autosave it, and keep it in the browser until the server has it.</summary>
    private void NoteEdit()
    {
        Interlocked.Increment(ref _editSeq);
        _autosave?.EditMade();
        KeepDraft();
    }

    /// <summary>
    /// Sends the current document to the browser's storage. One write at a time, and only the latest: edits made
    /// while a write is under way are covered by one more write after it.
    /// </summary>
    private void KeepDraft()
    {
        if (!_keeping.IsCompleted)
        {
            _keepAgain = true;
            return;
        }

        _keeping = KeepDraftAsync();
    }

    private async Task KeepDraftAsync()
    {
        do
        {
            _keepAgain = false;
            var seq = Interlocked.Read(ref _editSeq);
            var draft = new UnsavedDraft(DesignDocument.Serialize(_history!.Current), _version, (int)(seq - Interlocked.Read(ref _savedSeq)), seq);
            try
            {
                await Drafts.KeepAsync(Token, draft);
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
            {
                // The browser is gone or refuses; the edit is still here and on its way to being saved.
                return;
            }
        }
        while (_keepAgain);
    }

    /// <summary>A save of everything up to edit <paramref name="seq"/> was acknowledged: the browser may forget it.</summary>
    private async Task DraftSavedAsync(long seq)
    {
        Interlocked.Exchange(ref _savedSeq, seq);
        try
        {
            await InvokeAsync(() => Drafts.AcknowledgeAsync(Token, seq));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // The browser is gone: it offers the draft back next time, and restoring it saves nothing new.
        }
    }

    /// <summary>On opening an editable design: offer back what this browser kept and the server never saved.</summary>
    private async Task OfferUnsavedDraftAsync()
    {
        var draft = await Drafts.ReadAsync(Token);

        // Once this page has made an edit, the kept draft is its own (written as the edit was made, perhaps while this
        // read was on its way): nothing of an earlier page is left to offer, and its own draft must not be discarded.
        if (draft is null || Interlocked.Read(ref _editSeq) > 0)
        {
            return;
        }

        if (draft.Document == DesignDocument.Serialize(_history!.Current) || !DesignDocument.Load(draft.Document).Succeeded)
        {
            // Saved after all, or not a design any more: nothing to offer.
            await Drafts.DiscardAsync(Token);
            return;
        }

        _offeredDraft = draft;
        StateHasChanged();
    }

    /// <summary>"1 unsaved change", "3 unsaved changes".</summary>
    private static string UnsavedChanges(UnsavedDraft draft) =>
        Math.Max(1, draft.Changes) is var n && n == 1 ? "1 unsaved change" : $"{n} unsaved changes";

    private void RestoreDraft()
    {
        if (_offeredDraft is not { } draft || DesignDocument.Load(draft.Document).Design is not { } design)
        {
            return;
        }

        // Restoring is an edit like any other: undoable, autosaved, and kept here until that save is acknowledged.
        _offeredDraft = null;
        Apply(design, $"restore {UnsavedChanges(draft)}", redraw: true);
        Snackbar.Add($"Restored {UnsavedChanges(draft)}. Undo takes it back.", Severity.Success);
    }

    private async Task DiscardDraftAsync()
    {
        _offeredDraft = null;
        await Drafts.DiscardAsync(Token);
    }
}
