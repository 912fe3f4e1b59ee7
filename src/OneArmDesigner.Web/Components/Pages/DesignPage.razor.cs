using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Web.Components.Designer;
using OneArmDesigner.Web.Components.Diagrams;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Components.Pages;

/// <summary>
/// One design, opened through its link. An edit link gives a named, autosaved, undoable design; a view link gives a
/// read-only one that can be simulated and forked. Every edit is one immutable snapshot in <see cref="EditHistory{T}"/>.
/// </summary>
public sealed partial class DesignPage : IAsyncDisposable
{
    private readonly Diagram _diagram = new();
    private EditHistory<Design>? _history;
    private AutosaveScheduler? _autosave;
    private OpenedDesign? _opened;
    private int _version;
    private SaveState _saveState = SaveState.Saved;
    private string? _loadProblem;
    private string? _nameError;
    private int _tab;
    private ValidationReport? _report;
    private Finding? _selectedFinding;
    private IReadOnlyList<VerdictChange>? _lastChanges;
    private string? _selectedDevice;
    private int _selectedCount;
    private int? _selectedCable;
    private int? _selectedAnnotation;
    private OneArmDesigner.Engine.Packets.Flow? _requestedFlow;
    private (IReadOnlyList<Device> Devices, IReadOnlyList<Link> Links)? _clipboard;

    private Device? SelectedDevice => _selectedDevice is null ? null : _history?.Current.FindDevice(_selectedDevice);

    [Parameter] public string Token { get; set; } = "";

    /// <summary>Present while the page is prerendered for an HTTP request, so an unknown link can answer 404.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [Inject] private DesignStore Store { get; set; } = null!;

    [Inject] private BrowserDesignHistory BrowserHistory { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Inject] private Microsoft.Extensions.Options.IOptions<EditorOptions> EditorOptions { get; set; } = null!;

    [Inject] private OneArmDesigner.Web.Analysis.AnalysisQueue Analyses { get; set; } = null!;

    private bool CanEdit => _opened?.Access == DesignAccess.Edit;


    private string SaveText => _saveState switch
    {
        SaveState.Saved => "saved",
        SaveState.Pending => "unsaved changes",
        SaveState.Saving => "saving…",
        SaveState.Failed => "save failed",
        _ => "not saved: conflict",
    };

    private Color SaveColour => _saveState switch
    {
        SaveState.Saved => Color.Success,
        SaveState.Failed or SaveState.Conflict => Color.Error,
        _ => Color.Default,
    };

    protected override async Task OnParametersSetAsync()
    {
        if (_opened is not null && _history is not null && Token == CurrentToken)
        {
            return;
        }

        await LoadAsync();
    }

    private string? CurrentToken { get; set; }

    private async Task LoadAsync()
    {
        CurrentToken = Token;
        _loadProblem = null;
        var opened = await Store.OpenAsync(Token);
        if (!opened.Succeeded)
        {
            _loadProblem = "No design answers to this link. It may have been revoked or deleted, or the address is mistyped.";
            if (HttpContext is { Response.HasStarted: false } http)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        var loaded = DesignDocument.Load(opened.Value!.DocumentJson);
        if (!loaded.Succeeded)
        {
            _loadProblem = "This design's stored document cannot be read: " + string.Join("; ", loaded.Problems);
            return;
        }

        _opened = opened.Value;
        _version = opened.Value.Version;
        _history = new EditHistory<Design>(loaded.Design!);
        _diagram.Options.ReadOnly = !CanEdit;
        _diagram.Options.MaxFitZoom = 1;
        // Far enough out that zoom to fit shows the largest design the document limit admits (about 3,800 devices)
        // whole, and lets the user zoom out past it: on a 1024 px screen 3,600 irregular devices fit at about 3.6 %;
        // at the canvas's default 10 % they opened showing a part, after a prerendered picture of the whole.
        _diagram.Options.MinZoom = 0.02;
        _diagram.UseBehaviors(CanEdit ? BehaviorSets.Editing() : BehaviorSets.Playback());
        // One batch, so labels are laid out once, for the fit, rather than first at 100 % and then again.
        using (_diagram.Batch())
        {
            ShowDesign();
            _diagram.ZoomToFit();
        }

        ReadSimulateLink(loaded.Design!);

        if (_autosave is not null)
        {
            await _autosave.DisposeAsync();
        }

        _autosave = CanEdit ? new AutosaveScheduler(SaveAsync, TimeSpan.FromMilliseconds(EditorOptions.Value.AutosavePauseMs), Clock) : null;
        if (_autosave is not null)
        {
            _autosave.StateChanged += state => InvokeAsync(() =>
            {
                _saveState = state;
                StateHasChanged();
            });
        }

        _diagram.NodesMoved -= OnNodesMoved;
        _diagram.DeleteRequested -= OnDeleteRequested;
        _diagram.CommandRequested -= OnCommandRequested;
        _diagram.LinkRequested -= OnLinkRequested;
        _diagram.SelectionChanged -= OnSelectionChanged;
        _diagram.DropRequested -= OnDropRequested;
        _diagram.DropRequested += OnDropRequested;
        _diagram.NodesMoved += OnNodesMoved;
        _diagram.DeleteRequested += OnDeleteRequested;
        _diagram.CommandRequested += OnCommandRequested;
        _diagram.LinkRequested += OnLinkRequested;
        _diagram.SelectionChanged += OnSelectionChanged;
    }

    /// <summary>The design whose opening this browser has been told of (remembered, unsaved edits offered back).</summary>
    private string? _openingSeenFor;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Not only on the first render: the design is read from the store asynchronously, so the first render can
        // come before it is open, and then the offer of unsaved edits would never be made.
        if (_opened is not null && _openingSeenFor != Token)
        {
            _openingSeenFor = Token;
            await BrowserHistory.RememberAsync(Token);
            if (CanEdit)
            {
                await OfferUnsavedDraftAsync();
            }
        }
    }

    /// <summary>Records an edit: one undo step, the canvas in step, and an autosave on its way.</summary>
    private void Apply(Design next, string description, bool redraw, bool revalidate = true)
    {
        _history!.Apply(next, description);
        if (redraw)
        {
            ShowDesign();
        }
        else if (revalidate)
        {
            Revalidate();
        }

        NoteEdit();
        StateHasChanged();
    }

    /// <summary>Redraws the design (keeping the selected device selected), re-validates it and badges the devices.</summary>
    private void ShowDesign()
    {
        var (keep, keepCable) = (_selectedDevice, _selectedCable);
        DesignDiagram.Show(_diagram, _history!.Current);
        if (keep is not null && _diagram.Nodes.TryGet(keep, out var node))
        {
            _diagram.Select(node);
        }
        else if (keepCable is { } index && _diagram.Links.TryGet(DesignDiagram.LinkId(index), out var link))
        {
            _diagram.Select(link);
        }
        else if (_selectedAnnotation is { } note && _diagram.Nodes.TryGet(DesignDiagram.AnnotationId(note), out var annotation))
        {
            _diagram.Select(annotation);
        }

        if (_report is not null)
        {
            // Keep the last badges on the redrawn devices until the new report replaces them, so they do not flicker.
            ShowReport(_report);
        }

        Revalidate();
    }

    private async Task ShortcutsAsync() =>
        await Dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });

    private async Task OnPageKeyDown(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e)
    {
        if (e.Key == "?")
        {
            await ShortcutsAsync();
        }
    }

    /// <summary>A pair picked on the reachability tab: play its exchange on the simulate tab.</summary>
    private void SimulateFlow(OneArmDesigner.Engine.Packets.Flow flow)
    {
        _requestedFlow = flow;
        _tab = 1;
    }

    private Task UndoAsync() => Step(h => h.Undo());

    private Task RedoAsync() => Step(h => h.Redo());

    private Task Step(Func<EditHistory<Design>, bool> move)
    {
        if (_history is not null && CanEdit && move(_history))
        {
            ShowDesign();
            NoteEdit();
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    private Task RenameAsync(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            _nameError = "The name cannot be empty.";
            return Task.CompletedTask;
        }

        _nameError = null;
        Apply(DesignEdits.Rename(_history!.Current, name), $"rename to {name.Trim()}", redraw: false);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_autosave is not null)
        {
            await _autosave.SaveNowAsync();
            await _autosave.DisposeAsync();
        }

        // After the last save, which takes over the analysis of what it saved; whatever only this page wanted stops.
        await _pageGone.CancelAsync();
    }
}
