using MudBlazor;
using OneArmDesigner.Canvas;
using OneArmDesigner.Domain.Model;
using Severity = MudBlazor.Severity;
using OneArmDesigner.Web.Components.Designer;
using OneArmDesigner.Web.Components.Diagrams;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Components.Pages;

// Drawing on the canvas: moves, deletions, cables, drops from the palette, the clipboard, and property edits.
public sealed partial class DesignPage
{
    private void OnNodesMoved(object? sender, NodesMovedEventArgs e)
    {
        var positions = e.Moves.ToDictionary(m => m.Node.Id, m => new OneArmDesigner.Domain.Model.Position(m.To.X, m.To.Y));
        var notes = positions.Where(p => DesignDiagram.AnnotationIndex(p.Key) is not null).ToDictionary(p => DesignDiagram.AnnotationIndex(p.Key)!.Value, p => p.Value);
        var what = positions.Count == 1 ? $"move {positions.Keys.Single()}" : $"move {positions.Count} items";
        // The canvas already shows the new positions; only the design and its history change. Where a device sits
        // changes no finding, so a move is not re-validated (on a large design that is most of an edit's cost).
        Apply(AnnotationEdits.Move(DesignEdits.Move(_history!.Current, positions), notes), what, redraw: false, revalidate: false);
    }

    private void OnDeleteRequested(object? sender, DeleteRequestedEventArgs e)
    {
        var devices = e.Nodes.Where(n => DesignDiagram.AnnotationIndex(n.Id) is null).Select(n => n.Id).ToList();
        var notes = e.Nodes.Select(n => DesignDiagram.AnnotationIndex(n.Id)).OfType<int>().ToList();
        var links = e.Links.Select(l => DesignDiagram.LinkIndex(l.Id)).OfType<int>().ToList();
        var what = e.Nodes.Count == 1 && links.Count == 0 ? $"delete {e.Nodes[0].Title ?? e.Nodes[0].Id}" : $"delete {e.Nodes.Count + links.Count} items";
        _selectedAnnotation = null;
        Apply(AnnotationEdits.Delete(DesignEdits.Delete(_history!.Current, devices, links), notes), what, redraw: true);
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

    private void OnSelectionChanged(object? sender, EventArgs e)
    {
        var nodes = _diagram.SelectedNodes.ToList();
        var links = _diagram.SelectedLinks;
        var single = nodes.Count == 1 ? nodes[0].Id : null;
        var note = single is null ? null : DesignDiagram.AnnotationIndex(single);
        var next = note is null ? single : null;
        var cable = nodes.Count == 0 && links.Count == 1 ? DesignDiagram.LinkIndex(links[0].Id) : null;
        if (next != _selectedDevice || nodes.Count != _selectedCount || cable != _selectedCable || note != _selectedAnnotation)
        {
            (_selectedDevice, _selectedCount, _selectedCable, _selectedAnnotation) = (next, nodes.Count, cable, note);
            _ = InvokeAsync(StateHasChanged);
        }
    }

    /// <summary>A cable drawn between two devices; a note or an area takes no cable.</summary>
    private void OnLinkRequested(object? sender, LinkRequestedEventArgs e)
    {
        if (DesignDiagram.AnnotationIndex(e.Source.Id) is null && DesignDiagram.AnnotationIndex(e.Target.Id) is null)
        {
            _ = InvokeAsync(() => CableAsync(e.Source.Id, e.Target.Id));
        }
    }

    /// <summary>Asks which interface to use at each device end (and its address), then lays the cable as one edit.</summary>
    private async Task CableAsync(string a, string b)
    {
        var design = _history!.Current;
        if (DesignEdits.CableProblem(design, a, b) is { } problem)
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
        AddDevice(kind, centre);
        return Task.CompletedTask;
    }

    /// <summary>A palette click for a note or an area: it goes in the middle of the view.</summary>
    private Task AddAnnotationAsync(AnnotationKind kind)
    {
        var view = _diagram.Viewport;
        AddAnnotation(kind, view.ToDiagram(new OneArmDesigner.Canvas.Geometry.Point(view.Size.Width / 2, view.Size.Height / 2)));
        return Task.CompletedTask;
    }

    /// <summary>A palette tile dropped on the canvas: the device, note or area goes where it was dropped.</summary>
    private void OnDropRequested(object? sender, DropRequestedEventArgs e)
    {
        if (DeviceKinds.TryParse(e.Payload, out var kind))
        {
            _ = InvokeAsync(() => AddDevice(kind, e.Position));
        }
        else if (Annotation.TryParseKind(e.Payload, out var note))
        {
            _ = InvokeAsync(() => AddAnnotation(note, e.Position));
        }
    }

    /// <summary>Adds a note or an area centred on a diagram point, and selects it so its text is ready to write.</summary>
    private void AddAnnotation(AnnotationKind kind, OneArmDesigner.Canvas.Geometry.Point centre)
    {
        var (next, index) = AnnotationEdits.Add(_history!.Current, kind, new OneArmDesigner.Domain.Model.Position(0, 0));
        var added = next.Annotations[index];
        var corner = _diagram.Options.Snap(new OneArmDesigner.Canvas.Geometry.Point(centre.X - (added.Width / 2), centre.Y - (added.Height / 2)));
        next = AnnotationEdits.Move(next, new Dictionary<int, OneArmDesigner.Domain.Model.Position> { [index] = new(corner.X, corner.Y) });
        (_selectedDevice, _selectedCable) = (null, null);
        Apply(next, $"add {Annotation.JsonName(kind)}", redraw: true, revalidate: false);
        _diagram.Select(_diagram.Nodes[DesignDiagram.AnnotationId(index)]);
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
}
