using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using FindingSeverity = OneArmDesigner.Engine.Analysis.Severity;
using Severity = MudBlazor.Severity;
using OneArmDesigner.Web.Components.Designer;
using OneArmDesigner.Web.Components.Designs;
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
    private static readonly TimeSpan AutosavePause = TimeSpan.FromSeconds(1);

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
    private int _validations;
    private Finding? _selectedFinding;
    private IReadOnlyList<VerdictChange>? _lastChanges;
    private string? _selectedDevice;
    private int _selectedCount;
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

    private bool CanEdit => _opened?.Access == DesignAccess.Edit;

    private string ZoomText => $"{Math.Round(_diagram.Viewport.Zoom * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)}%";

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
        _diagram.UseBehaviors(CanEdit ? BehaviorSets.Editing() : BehaviorSets.Playback());
        ShowDesign();
        _diagram.ZoomToFit();

        if (_autosave is not null)
        {
            await _autosave.DisposeAsync();
        }

        _autosave = CanEdit ? new AutosaveScheduler(SaveAsync, AutosavePause, Clock) : null;
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
        _diagram.ViewportChanged -= OnViewportChanged;
        _diagram.ViewportChanged += OnViewportChanged;
        _diagram.NodesMoved += OnNodesMoved;
        _diagram.DeleteRequested += OnDeleteRequested;
        _diagram.CommandRequested += OnCommandRequested;
        _diagram.LinkRequested += OnLinkRequested;
        _diagram.SelectionChanged += OnSelectionChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _opened is not null)
        {
            await BrowserHistory.RememberAsync(Token);
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

        _autosave?.EditMade();
        StateHasChanged();
    }

    private void OnNodesMoved(object? sender, NodesMovedEventArgs e)
    {
        var positions = e.Moves.ToDictionary(m => m.Node.Id, m => new OneArmDesigner.Domain.Model.Position(m.To.X, m.To.Y));
        var what = positions.Count == 1 ? $"move {positions.Keys.Single()}" : $"move {positions.Count} devices";
        // The canvas already shows the new positions; only the design and its history change. Where a device sits
        // changes no finding, so a move is not re-validated (on a large design that is most of an edit's cost).
        Apply(DesignEdits.Move(_history!.Current, positions), what, redraw: false, revalidate: false);
    }

    private void OnDeleteRequested(object? sender, DeleteRequestedEventArgs e)
    {
        var devices = e.Nodes.Select(n => n.Id).ToList();
        var links = e.Links.Select(l => DesignDiagram.LinkIndex(l.Id)).OfType<int>().ToList();
        var what = devices.Count == 1 && links.Count == 0 ? $"delete {devices[0]}" : $"delete {devices.Count + links.Count} items";
        Apply(DesignEdits.Delete(_history!.Current, devices, links), what, redraw: true);
    }

    private void OnCommandRequested(object? sender, CommandRequestedEventArgs e)
    {
        switch (e.Command)
        {
            case DiagramCommand.Undo:
                _ = UndoAsync();
                break;
            case DiagramCommand.Redo:
                _ = RedoAsync();
                break;
            case DiagramCommand.Copy or DiagramCommand.Cut:
                Copy(cut: e.Command == DiagramCommand.Cut);
                break;
            case DiagramCommand.Paste:
                Paste();
                break;
        }
    }

    /// <summary>Redraws the design (keeping the selected device selected), re-validates it and badges the devices.</summary>
    private void ShowDesign()
    {
        var keep = _selectedDevice;
        DesignDiagram.Show(_diagram, _history!.Current);
        if (keep is not null && _diagram.Nodes.TryGet(keep, out var node))
        {
            _diagram.Select(node);
        }

        if (_report is not null)
        {
            // Keep the last badges on the redrawn devices until the new report replaces them, so they do not flicker.
            ShowReport(_report);
        }

        Revalidate();
    }

    /// <summary>Keeps the toolbar's zoom level in step with wheel, keys and buttons.</summary>
    private void OnViewportChanged(object? sender, EventArgs e) => _ = InvokeAsync(StateHasChanged);

    private void OnSelectionChanged(object? sender, EventArgs e)
    {
        var nodes = _diagram.SelectedNodes.ToList();
        var next = nodes.Count == 1 ? nodes[0].Id : null;
        if (next != _selectedDevice || nodes.Count != _selectedCount)
        {
            (_selectedDevice, _selectedCount) = (next, nodes.Count);
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private void OnLinkRequested(object? sender, LinkRequestedEventArgs e) => _ = InvokeAsync(() => CableAsync(e.Source.Id, e.Target.Id));

    /// <summary>Asks which interface to use at each device end (and its address), then lays the cable as one edit.</summary>
    private async Task CableAsync(string a, string b)
    {
        var design = _history!.Current;
        if (DesignEdits.Connect(design, a, b).Problem is { } problem)
        {
            Snackbar.Add(problem, Severity.Warning);
            return;
        }

        var dialog = await Dialogs.ShowAsync<CableDialog>($"Cable {a} to {b}",
            new DialogParameters<CableDialog> { { d => d.Design, design }, { d => d.A, a }, { d => d.B, b } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Design cabled } && ReferenceEquals(design, _history.Current))
        {
            Apply(cabled, $"cable {a} to {b}", redraw: true);
        }
    }

    /// <summary>A palette click: the new device goes in the middle of the view.</summary>
    private Task AddDeviceAsync(DeviceKind kind)
    {
        var view = _diagram.Viewport;
        var centre = view.ToDiagram(new OneArmDesigner.Canvas.Geometry.Point(view.Size.Width / 2, view.Size.Height / 2));
        AddDevice(kind, _diagram.Options.Snap(centre));
        return Task.CompletedTask;
    }

    /// <summary>A palette tile dropped on the canvas: the device goes where it was dropped.</summary>
    private void OnDropRequested(object? sender, DropRequestedEventArgs e)
    {
        if (DeviceKinds.TryParse(e.Payload, out var kind))
        {
            _ = InvokeAsync(() => AddDevice(kind, e.Position));
        }
    }

    /// <summary>Adds a device centred on a diagram point, and selects it so its properties are ready to fill in.</summary>
    private void AddDevice(DeviceKind kind, OneArmDesigner.Canvas.Geometry.Point centre)
    {
        var size = DesignDiagram.SizeOf(kind);
        var corner = _diagram.Options.Snap(new OneArmDesigner.Canvas.Geometry.Point(centre.X - (size.Width / 2), centre.Y - (size.Height / 2)));
        var (next, name) = DesignEdits.AddDevice(_history!.Current, kind, new OneArmDesigner.Domain.Model.Position(corner.X, corner.Y));
        _selectedDevice = name;
        Apply(next, $"add {name}", redraw: true);
    }

    private Task OnPropertiesEdited((Design Design, string Description) edit)
    {
        if (_selectedDevice is not null && edit.Design.FindDevice(_selectedDevice) is null)
        {
            // A rename: follow the device to its new name.
            _selectedDevice = edit.Design.Devices.Select(d => d.Name).Except(_history!.Current.Devices.Select(d => d.Name)).FirstOrDefault();
        }

        Apply(edit.Design, edit.Description, redraw: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Validates the current design off the circuit's thread, so a large design opens and takes edits without
    /// waiting for its analysis; the findings and badges arrive when it is done, unless a newer edit overtook it.
    /// </summary>
    private void Revalidate()
    {
        _lastChanges = null;
        _selectedFinding = null;
        var design = _history!.Current;
        var generation = ++_validations;
        _ = Task.Run(() => DesignAnalyzer.Validate(design)).ContinueWith(
            done => InvokeAsync(() =>
            {
                if (generation != _validations || !ReferenceEquals(design, _history?.Current))
                {
                    return;
                }

                if (done.IsFaulted)
                {
                    Snackbar.Add("This design could not be validated: " + done.Exception!.GetBaseException().Message, Severity.Error);
                    return;
                }

                ShowReport(done.Result);
                StateHasChanged();
            }),
            TaskScheduler.Default);
    }

    /// <summary>Shows a validation report: the findings panel, and a badge on each device a finding names.</summary>
    private void ShowReport(ValidationReport report)
    {
        _report = report;
        var byDevice = report.Findings
            .Where(f => f.Severity != FindingSeverity.Info)
            .SelectMany(f => f.Devices.Distinct().Select(d => (Device: d, Finding: f)))
            .ToLookup(x => x.Device, x => x.Finding, StringComparer.Ordinal);
        using (_diagram.Batch())
        {
            foreach (var node in _diagram.Nodes)
            {
                var mine = byDevice[node.Id].ToList();
                node.Badges = mine.Count == 0
                    ? []
                    : [new NodeBadge(mine.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        mine.Any(f => f.Severity == FindingSeverity.Error) ? "error" : "warning",
                        string.Join("\n", mine.Select(f => f.Code).Distinct()))];
                node.SetFlags(ElementFlags.Highlighted, false);
            }

            foreach (var link in _diagram.Links)
            {
                link.SetFlags(ElementFlags.Highlighted, false);
            }
        }
    }

    private void SelectFinding(Finding finding)
    {
        _selectedFinding = ReferenceEquals(_selectedFinding, finding) ? null : finding;
        using (_diagram.Batch())
        {
            foreach (var node in _diagram.Nodes)
            {
                node.SetFlags(ElementFlags.Highlighted, _selectedFinding?.Devices.Contains(node.Id) == true);
            }

            foreach (var link in _diagram.Links)
            {
                link.SetFlags(ElementFlags.Highlighted, DesignDiagram.LinkIndex(link.Id) is { } index && _selectedFinding?.Links.Contains(index) == true);
            }
        }
    }

    private Task ApplyFixAsync(FixOption fix)
    {
        var result = DesignFixes.Apply(_history!.Current, fix.Id);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error ?? "The fix could not be applied.", Severity.Error);
            return Task.CompletedTask;
        }

        var before = _history!.Current;
        Apply(result.Design!, fix.Title, redraw: true);
        _lastChanges = DesignComparison.Compare(before, result.Design!);
        Snackbar.Add($"Applied: {fix.Title}. Undo takes it back.", Severity.Success);
        return Task.CompletedTask;
    }

    private void Copy(bool cut)
    {
        var names = _diagram.SelectedNodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return;
        }

        var design = _history!.Current;
        _clipboard = ([.. design.Devices.Where(d => names.Contains(d.Name))], design.Links);
        if (cut && CanEdit)
        {
            Apply(DesignEdits.Delete(design, names, []), $"cut {names.Count} devices", redraw: true);
        }
    }

    private void Paste()
    {
        if (_clipboard is not { } clip || !CanEdit)
        {
            return;
        }

        var (next, names) = DesignEdits.Paste(_history!.Current, clip.Devices, clip.Links);
        Apply(next, $"paste {names.Count} devices", redraw: true);
        _diagram.Select(names.Select(n => _diagram.Nodes[n]));
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

    private Task UndoAsync() => Step(h => h.Undo());

    private Task RedoAsync() => Step(h => h.Redo());

    private Task Step(Func<EditHistory<Design>, bool> move)
    {
        if (_history is not null && CanEdit && move(_history))
        {
            ShowDesign();
            _autosave?.EditMade();
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

    private async Task<AutosaveScheduler.Outcome> SaveAsync(CancellationToken ct)
    {
        var json = DesignDocument.Serialize(_history!.Current);
        var saved = await Store.SaveAsync(Token, json, _version, autosave: true, ct);
        if (saved.Succeeded)
        {
            _version = saved.Value!.Version;
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
        _opened = null;
        await LoadAsync();
        _saveState = SaveState.Saved;
    }

    private async Task SaveAsCopyAsync()
    {
        var created = await Store.CreateAsync(DesignDocument.Serialize(_history!.Current with { Name = _history.Current.Name + " (my copy)" }));
        if (created.Succeeded)
        {
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
        await JS.InvokeVoidAsync("oneArm.exportCanvas", "[data-testid=design-canvas] svg", $"{_history!.Current.Name}.png", "png", null);

    private async Task ExportAsync() =>
        await JS.InvokeVoidAsync("oneArm.download", $"{_history!.Current.Name}.json", "application/json", DesignDocument.Serialize(_history.Current));

    public async ValueTask DisposeAsync()
    {
        if (_autosave is not null)
        {
            await _autosave.SaveNowAsync();
            await _autosave.DisposeAsync();
        }
    }
}
